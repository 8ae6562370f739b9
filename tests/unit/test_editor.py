"""The form editor: its configuration stays in step with the schema, and its local
backend writes only standard files, only after the build's checks."""

from __future__ import annotations

import json
import shutil
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import FIXTURES
from handbook import schema
from handbook.editor.backend import LocalBackend, Refused
from handbook.editor.config import LEFT_TO_YAML, cms_config
from handbook.editor.server import EditorServer
from handbook.options import Options
from handbook.settings import Settings

AREAS = {"telephone": "Telephone", "email": "Email"}


def test_every_schema_field_is_in_the_form_with_its_required_mark_and_choices() -> None:
    properties = schema.schema()["properties"]
    required = set(schema.schema()["required"])
    config = cms_config(Settings(options=Options(areas=AREAS)), "acme/handbook")
    assert [c["folder"] for c in config["collections"]] == [
        "standards/telephone",
        "standards/email",
    ]
    for collection in config["collections"]:
        fields = {f["name"]: f for f in collection["fields"]}
        assert set(fields) == set(properties) - set(LEFT_TO_YAML)
        assert fields["area"] == {
            "name": "area", "label": "Area", "widget": "hidden", "default": collection["name"]
        }  # fmt: skip
        for name, field in fields.items():
            if name == "area":
                continue
            assert field["required"] == (name in required), name
            assert field.get("hint") == properties[name].get("description"), name
        assert fields["status"]["options"] == properties["status"]["enum"]
        assert fields["channels"]["multiple"] is True
        assert fields["effective"]["widget"] == "datetime"
        assert fields["rules"]["widget"] == "list" and fields["rules"]["field"]["widget"] == "text"
        wording = {f["name"]: f for f in fields["wordings"]["fields"]}
        assert set(wording) == set(properties["wordings"]["items"]["properties"])
        assert wording["say"]["required"] is True and wording["dont_say"]["required"] is False


def test_an_optional_groups_fields_are_not_required_until_it_is_filled_in() -> None:
    fields = {
        f["name"]: f
        for f in cms_config(Settings(options=Options(areas=AREAS)))["collections"][0]["fields"]
    }
    assert fields["pilot"]["required"] is False
    assert not [f for f in fields["pilot"]["fields"] if f["required"]]


def test_git_host_workflow_and_local_backend() -> None:
    config = cms_config(
        Settings(options=Options(areas=AREAS)), "acme/handbook", "http://127.0.0.1:9/api/v1"
    )
    assert config["backend"] == {"name": "github", "repo": "acme/handbook", "branch": "main"}
    assert config["publish_mode"] == "editorial_workflow"
    assert config["local_backend"] == {"url": "http://127.0.0.1:9/api/v1"}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES / "basic", tmp_path / "p")
    return tmp_path / "p"


def _backend(project: Path) -> LocalBackend:
    return LocalBackend(Settings(root=project, options=Options(areas=AREAS)))


def _raw(project: Path, **changes: Any) -> str:
    data = yaml.safe_load((project / "standards/phone-001.yml").read_text("utf-8"))
    data.update(changes)
    data.pop("illustrations", None)
    return yaml.safe_dump(data, sort_keys=False)


def _save(backend: LocalBackend, path: str, raw: str) -> Any:
    return backend.handle("persistEntry", {"entry": {"path": path, "raw": raw}, "assets": []})


def test_a_save_writes_the_file_with_its_schema_line(project: Path) -> None:
    backend = _backend(project)
    summary = "Answer every call by the third ring and say your name and the team name."
    _save(backend, "standards/phone-001.yml", _raw(project, summary=summary))
    text = (project / "standards/phone-001.yml").read_text("utf-8")
    assert text.startswith(
        "# yaml-language-server: $schema=../../../../plugins/handbook/schema/standard.schema.json\n"
    )
    assert yaml.safe_load(text)["summary"] == summary


def test_a_save_keeps_what_the_form_does_not_edit(project: Path) -> None:
    path = project / "standards/phone-001.yml"
    card = "card:\n  steps: [1]\n  note: Keep this card by the phone.\n"
    path.write_text(path.read_text("utf-8") + card, "utf-8")
    _save(
        _backend(project),
        "standards/phone-001.yml",
        _raw(project, card=None).replace("card: null\n", ""),
    )
    assert yaml.safe_load(path.read_text("utf-8"))["card"] == {
        "steps": [1], "note": "Keep this card by the phone."
    }  # fmt: skip


def test_a_save_the_build_would_refuse_is_not_written_and_says_why(project: Path) -> None:
    before = (project / "standards/phone-001.yml").read_text("utf-8")
    with pytest.raises(Refused) as refused:
        _save(
            _backend(project),
            "standards/phone-001.yml",
            _raw(project, summary="Answer calls promptly."),
        )
    assert str(refused.value).startswith("Not saved. Fix these first:\n'promptly' is vague")
    assert "[summary]" in str(refused.value)
    assert (project / "standards/phone-001.yml").read_text("utf-8") == before


def test_a_form_nested_thousands_deep_is_refused_not_a_crash(project: Path) -> None:
    before = (project / "standards/phone-001.yml").read_text("utf-8")
    deep = "id: PHONE-001\ntitle: " + "[" * 20_000 + "]" * 20_000 + "\n"
    with pytest.raises(Refused) as refused:
        _save(_backend(project), "standards/phone-001.yml", deep)
    assert str(refused.value) == "the form sent YAML nested too deep to read"
    assert (project / "standards/phone-001.yml").read_text("utf-8") == before


def test_a_form_nested_hundreds_deep_is_refused_not_a_crash(project: Path) -> None:
    """Deep enough that PyYAML reads it but cannot write it again (its writer takes more
    of the stack a level): somewhere between 250 and 500 levels."""
    before = (project / "standards/phone-001.yml").read_text("utf-8")
    for depth in range(250, 501, 10):
        deep = "id: PHONE-001\ntitle: " + "[" * depth + "]" * depth + "\n"
        with pytest.raises(Refused) as refused:  # not a RecursionError
            _save(_backend(project), "standards/phone-001.yml", deep)
        assert "nested" in str(refused.value), depth
    assert (project / "standards/phone-001.yml").read_text("utf-8") == before


@pytest.mark.parametrize(
    "path", ["../outside.yml", "/etc/passwd", "mkdocs.yml", "standards/../mkdocs.yml"]
)
def test_only_standard_files_are_read_or_written(project: Path, path: str) -> None:
    backend = _backend(project)
    with pytest.raises(Refused):
        backend.handle("getEntry", {"path": path})
    with pytest.raises(Refused):
        _save(backend, path, _raw(project))


def test_a_link_out_of_the_project_is_refused(project: Path, tmp_path: Path) -> None:
    (tmp_path / "secret.yml").write_text("id: X-001\n", "utf-8")
    (project / "standards/link.yml").symlink_to(tmp_path / "secret.yml")
    backend = _backend(project)
    with pytest.raises(Refused):
        backend.handle("getEntry", {"path": "standards/link.yml"})
    listed = backend.handle("entriesByFolder", {"folder": "standards", "extension": "yml"})
    assert "standards/link.yml" not in [e["file"]["path"] for e in listed]


@pytest.mark.parametrize("action", ["deleteFile", "deleteFiles", "persistMedia"])
def test_deleting_and_uploading_are_left_to_pull_requests(project: Path, action: str) -> None:
    with pytest.raises(Refused):
        _backend(project).handle(action, {"path": "standards/phone-001.yml"})
    assert (project / "standards/phone-001.yml").is_file()


@pytest.fixture
def server(project: Path) -> Iterator[EditorServer]:
    server = EditorServer(Settings(root=project, options=Options(areas=AREAS)), None, port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def _post(server: EditorServer, body: bytes, headers: dict[str, str]) -> tuple[int, Any]:
    request = urllib.request.Request(f"{server.origin}/api/v1", data=body, headers=headers)
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())


def test_the_server_answers_only_its_own_pages(server: EditorServer) -> None:
    info = json.dumps({"action": "info"}).encode()
    assert _post(server, info, {"Content-Type": "application/json"})[0] == 200
    # Another site's page in the same browser: refused, whatever it sends.
    assert (
        _post(server, info, {"Content-Type": "application/json", "Origin": "http://evil.test"})[0]
        == 403
    )
    assert _post(server, info, {"Content-Type": "text/plain"})[0] == 415
    with urllib.request.urlopen(f"{server.origin}/admin/config.yml") as response:
        config = yaml.safe_load(response.read())
    assert config["local_backend"] == {"url": f"{server.origin}/api/v1"}
    with urllib.request.urlopen(f"{server.origin}/admin/") as response:
        page = response.read().decode()
    assert '<script src="decap-cms.js"></script>' in page and "http" not in page.split("<body>")[1]
