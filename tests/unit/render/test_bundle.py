"""render/bundle.py: the kit's ES modules as one classic script and as one ES module."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from sourcebook.render import bundle as bundler
from sourcebook.render.bundle import BundleError, bundle



@pytest.fixture(scope="module")
def node() -> str:
    """Node.js, to run the bundles: skipped on a laptop without it, a failure in CI (.ci/run
    and `make test` install Debian's nodejs)."""
    found = shutil.which("node")
    if found:
        return found
    if os.environ.get("CI") == "true":
        pytest.fail("node is missing in CI: install Debian's nodejs (.ci/run, make test)")
    pytest.skip("Node.js is not installed: the bundles are not run")


def _tree(tmp_path, files: dict[str, str]):
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def window_out(node: str, script: str) -> str:
    """`window.out` as JSON after node runs the classic script."""
    run = subprocess.run([node, "-e", "globalThis.window = globalThis;" + script
                          + "console.log(JSON.stringify(window.out))"],
                         capture_output=True, text=True, check=True)
    return run.stdout.strip()


@pytest.fixture
def assets(tmp_path, monkeypatch):
    monkeypatch.setattr(bundler, "ASSETS", tmp_path.resolve())
    return tmp_path


THREE_MODULES = {
    "a.js": "export const one = 1;\nexport function two() { return 2; }\n",
    "lib/b.js": "import { one, two as deux } from '../a.js';\nexport const three = one + deux();\n"
                "export { one } from '../a.js';\n",
    "main.js": "import * as b from './lib/b.js';\nwindow.out = [b.three, b.one];\n"
               "export default { render: () => b.three };\n",
}


def test_imports_exports_and_reexports_become_scopes_in_dependency_order(assets):
    _tree(assets, THREE_MODULES)
    classic = bundle(assets / "main.js")
    assert classic.index("module_a =") < classic.index("module_lib_b =") < classic.index("module_main =")
    assert "import " not in classic and "export " not in classic
    esm = bundle(assets / "main.js", esm=True)
    assert esm.rstrip().endswith("export default module_main.default;")


def test_the_bundled_modules_run_in_order(assets, node):
    _tree(assets, THREE_MODULES)
    assert window_out(node, bundle(assets / "main.js")) == "[3,1]"


@pytest.mark.parametrize("files, message", [
    ({"m.js": "import { x } from 'lodash';\n"}, "not a relative path"),
    ({"m.js": "import { x } from './n.js';\n", "n.js": "import { m } from './m.js';\nexport const x = 1;\n"},
     "import cycle: m.js -> n.js -> m.js"),
    ({"m.js": "const later = import('./n.js');\n", "n.js": ""}, "module syntax this bundler does not read"),
    ({"m.js": "import x from './n.js';\n", "n.js": "export default 1;\n"}, "module syntax"),
])
def test_what_it_cannot_bundle_is_refused_with_the_place(assets, files, message):
    _tree(assets, files)
    with pytest.raises(BundleError, match=message):
        bundle(assets / "m.js")


def test_the_kit_bundles():
    assert "module_items_single_choice" in bundle(bundler.ASSETS / "sourcebook.js")


def test_the_kits_bundle_parses(node):
    page = bundle(bundler.ASSETS / "sourcebook.js")
    run = subprocess.run([node, "--check", "-"], input=page, text=True, capture_output=True)
    assert run.returncode == 0, run.stderr[-2000:]


REGISTRY_JS = ("export const TYPES = new Map();\n"
               "export function addItemType(m) { TYPES.set(m.type, m); }\n")


def _kit_and_lesson_type(assets, tmp_path_factory):
    """A kit with an item registry, and a lesson's item type module that uses a kit module."""
    _tree(assets, {
        "core/util.js": "export const twice = (x) => 2 * x;\n",
        "items/index.js": REGISTRY_JS,
        "main.js": "import { TYPES } from './items/index.js';\n"
                   "window.out = [...TYPES.keys(), TYPES.get('number').check(4)];\n",
    })
    return _tree(tmp_path_factory.mktemp("lesson"), {
        "number.js": "import { twice } from 'sourcebook/core/util.js';\n"
                     "import { one } from './one.js';\n"
                     "export const type = 'number';\nexport const check = (x) => twice(x) + one;\n",
        "one.js": "export const one = 1;\n",
    })


def test_a_lessons_item_type_is_bundled_and_registered_before_the_entry_runs(assets,
                                                                             tmp_path_factory):
    lesson = _kit_and_lesson_type(assets, tmp_path_factory)
    classic = bundle(assets / "main.js", item_types=[lesson / "number.js"])
    assert classic.count("const module_core_util =") == 1          # the kit's own module, shared
    assert (classic.index("module_items_index.addItemType(lesson_number);")
            < classic.index("const module_main ="))
    # a module the kit's registry lists already is not added twice
    kit_own = [assets / "items" / "index.js"]
    assert bundle(assets / "main.js") == bundle(assets / "main.js", item_types=kit_own)


def test_a_lessons_item_type_runs_in_the_bundle(assets, tmp_path_factory, node):
    lesson = _kit_and_lesson_type(assets, tmp_path_factory)
    classic = bundle(assets / "main.js", item_types=[lesson / "number.js"])
    assert window_out(node, classic) == '["number",9]'


@pytest.mark.parametrize("files, types, message", [
    ({"main.js": "window.x = 1;\n", "t.js": "export const type = 't';\n"}, ["t.js"],
     "does not use the item registry"),
    ({"main.js": "import { TYPES } from './items/index.js';\n", "items/index.js": REGISTRY_JS},
     ["gone.js"], "does not exist"),
    ({"main.js": "import { TYPES } from './items/index.js';\n", "items/index.js": REGISTRY_JS,
      "a/t.js": "export const type = 'a';\n", "b/t.js": "export const type = 'b';\n"},
     ["a/t.js", "b/t.js"], "two front-end modules of one name"),
])
def test_a_lessons_item_type_that_cannot_be_added_is_refused(assets, tmp_path_factory, files, types,
                                                              message):
    lesson = _tree(tmp_path_factory.mktemp("lesson"), {k: v for k, v in files.items() if k != "main.js"
                                                       and not k.startswith("items/")})
    _tree(assets, {k: v for k, v in files.items() if k == "main.js" or k.startswith("items/")})
    with pytest.raises(BundleError, match=message):
        bundle(assets / "main.js", item_types=[lesson / t for t in types])
