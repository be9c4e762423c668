"""The Python consumer app synthesizes what the TypeScript reference app synthesizes.

KONG_POLYGLOT_REFERENCE names the reference app's cdktf.out, produced by the same run from
the current build (never a stored copy): see test/polyglot/run.
"""
import json
import os
import pathlib
import subprocess
import sys

APP = pathlib.Path(__file__).with_name("main.py")
STACK = "kong-prod-eu"


def reference_dir() -> pathlib.Path:
    ref = os.environ.get("KONG_POLYGLOT_REFERENCE")
    assert ref, "KONG_POLYGLOT_REFERENCE is unset: run this through test/polyglot/run"
    return pathlib.Path(ref)


def output_files(outdir: pathlib.Path) -> dict:
    """Every file of a cdktf.out, JSON parsed, by path relative to it."""
    files = {}
    for path in sorted(p for p in outdir.rglob("*") if p.is_file()):
        text = path.read_text(encoding="utf-8")
        files[path.relative_to(outdir).as_posix()] = json.loads(text) if path.suffix == ".json" else text
    return files


def without_state_path(files: dict, app_dir: pathlib.Path) -> dict:
    """The local backend's state path is absolute (the app's working directory): the one
    part of the output that differs by where an app runs. Checked, then left out."""
    stack = files[f"stacks/{STACK}/cdk.tf.json"]
    local = stack["terraform"]["backend"]["local"]
    assert local["path"] == str(app_dir / f"terraform.{STACK}.tfstate")
    local["path"] = f"terraform.{STACK}.tfstate"
    return files


def first_difference(expected, actual, at=""):
    """JSON pointer of the first place two documents differ, for the failure message."""
    if isinstance(expected, dict) and isinstance(actual, dict) and expected.keys() == actual.keys():
        key = next(k for k in expected if expected[k] != actual[k])
        return first_difference(expected[key], actual[key], f"{at}/{key}")
    if isinstance(expected, list) and isinstance(actual, list) and len(expected) == len(actual):
        i = next(i for i, (e, a) in enumerate(zip(expected, actual)) if e != a)
        return first_difference(expected[i], actual[i], f"{at}/{i}")
    return at or "/"


def test_python_app_synthesizes_what_the_typescript_app_does(tmp_path):
    run = subprocess.run([sys.executable, str(APP)], cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr

    python_files = without_state_path(output_files(tmp_path / "cdktf.out"), tmp_path)
    ref = reference_dir()
    typescript_files = without_state_path(output_files(ref / "cdktf.out"), ref)

    assert sorted(python_files) == sorted(typescript_files)
    assert len(python_files[f"stacks/{STACK}/cdk.tf.json"]["resource"]) > 0
    for name, expected in typescript_files.items():
        actual = python_files[name]
        assert actual == expected, f"{name} differs at {first_difference(expected, actual)}"
