"""The publishing workflow (GitHub Pages) is ready to use: it is not run here, so its shape is
checked against what the Makefile and the CLI really do."""

from __future__ import annotations

import re

import yaml

from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"


def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def steps(job: dict) -> list[dict]:
    return job["steps"]


def test_builds_the_student_edition_with_the_readme_command_and_uploads_that_folder():
    build = workflow()["jobs"]["build"]
    runs = [s["run"] for s in steps(build) if "run" in s]
    assert runs[0] == "make book"
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^book: .*\n\t\$\(BIN\)/sourcebook build --edition student$", makefile,
                     re.M)
    upload = next(s for s in steps(build) if s.get("uses", "").startswith(
        "actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "_build/student/html"      # build_book's default folder
    assert "instructor" not in WORKFLOW.read_text(encoding="utf-8").replace(
        "The instructor edition is never published here", "")


def test_deploys_with_the_pages_permissions_on_pushes_to_main():
    wf = workflow()
    triggers = wf[True] if True in wf else wf["on"]    # YAML 1.1 reads the key `on` as true
    assert triggers["push"]["branches"] == ["main"] and "workflow_dispatch" in triggers
    assert wf["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    deploy = wf["jobs"]["deploy"]
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    assert any(s.get("uses", "").startswith("actions/deploy-pages@") for s in steps(deploy))


def test_passes_a_schools_jupyterhub_from_a_repository_variable():
    build = workflow()["jobs"]["build"]
    step = next(s for s in steps(build) if s.get("run") == "make book")
    assert step["env"]["SOURCEBOOK_JUPYTERHUB_URL"] == "${{ vars.JUPYTERHUB_URL }}"
    from sourcebook.cli import build as build_command
    option = next(p for p in build_command.params if p.name == "jupyterhub_url")
    assert option.envvar == "SOURCEBOOK_JUPYTERHUB_URL"


def test_pushes_the_student_kit_and_never_the_lesson_for_live_notebooks():
    build = workflow()["jobs"]["build"]
    step = next(s for s in steps(build) if "student-kit" in s.get("run", ""))
    assert step["if"] == "${{ vars.STUDENT_REPOSITORY != '' }}"
    script = step["run"]
    assert ".venv/bin/sourcebook student-kit _build/student-kit" in script
    assert "cd _build/student-kit" in script and "git push" in script
    assert "exercises" not in script
