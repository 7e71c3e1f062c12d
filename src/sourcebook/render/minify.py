"""The kit's JS and CSS as shipped: minified with rjsmin/rcssmin, after refusing what rjsmin
cannot minify safely. A JS entry module (one that imports others) is first bundled into one
classic script by ``render/bundle.py``.

rjsmin knows template literals but not one nested in another's ``${...}``: it strips the
spaces inside the inner one (a selector ``[x] .y`` became ``[x].y``), so such code is refused
here rather than shipped broken.
"""

from __future__ import annotations

import re
from pathlib import Path


class MinifyError(ValueError):
    pass


def nested_template_lines(js: str) -> list[int]:
    """Line numbers where a template literal opens inside another one's ``${...}``."""
    lines, stack, depth, i, line = [], [], [], 0, 1
    while i < len(js):
        c = js[i]
        if c == "\n":
            line += 1
        if stack and stack[-1] == "text":
            if c == "\\":
                i += 2
                continue
            if c == "`":
                stack.pop()
            elif c == "$" and js[i + 1:i + 2] == "{":
                stack.append("code")
                depth.append(0)
                i += 1
        elif c == "`":
            if stack:
                lines.append(line)
            stack.append("text")
        elif stack and c == "{":
            depth[-1] += 1
        elif stack and c == "}":
            if depth[-1]:
                depth[-1] -= 1
            else:
                stack.pop()
                depth.pop()
        i += 1
    return lines


def minified(path: Path, item_types=()) -> str:
    """The asset at `path` (.js or .css) as the book ships it; a JS entry with the front-end
    modules of a lesson's item types (`item_types`, render/bundle.py)."""
    import rcssmin
    import rjsmin
    text = path.read_text(encoding="utf-8")
    if path.suffix != ".js":
        return rcssmin.cssmin(text)
    if re.search(r"^import\s", text, re.M):
        from sourcebook.render.bundle import bundle
        text = bundle(path, item_types=item_types)
    nested = nested_template_lines(text)
    if nested:
        raise MinifyError(f"{path}: line {nested[0]}: a template literal inside another one's "
                          "${...}; rjsmin would damage it: build that string with + instead")
    return rjsmin.jsmin(text)


def widget_module(item_types=()) -> str:
    """The notebook widget's front end (render/assets/widget.js) as one minified ES module,
    with the JS modules of a lesson's own item types (`item_types`) as the page has them."""
    import rjsmin
    from sourcebook.render.bundle import ASSETS, bundle
    return rjsmin.jsmin(bundle(ASSETS / "widget.js", esm=True, item_types=item_types))
