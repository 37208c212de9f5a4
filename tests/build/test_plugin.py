"""The toolkit's build steps are a MkDocs plugin of its own package (issue #12, item 1), with
a typed config set in mkdocs.yml and overridable from the environment with !ENV."""

import os
import subprocess
import sys

import pytest

from conftest import ROOT, run_cli
from wpskit.plugin import Switch, ToolkitConfig
from mkdocs.config.base import ValidationError


def test_the_plugin_is_found_on_the_toolkit_path_without_installing_anything():
    code = "from mkdocs.plugins import get_plugins; print(get_plugins()['wpskit'].load().__name__)"
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "scripts")}
    result = subprocess.run([sys.executable, "-c", code], env=environment, capture_output=True, text=True)
    assert result.stdout.strip() == "ToolkitPlugin", result.stderr


def test_mkdocs_yml_names_the_plugin_and_no_hooks_file():
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\nhooks:" not in text and not list((ROOT / "scripts").glob("mkdocs_hooks*.py"))
    assert "\n  - wpskit:" in text and "skip_downloads: !ENV [WPS_SKIP_DOWNLOADS, false]" in text


def test_the_options_are_typed():
    assert Switch().run_validation(True) is True and Switch().run_validation(1) is True
    assert Switch().run_validation("0") is False and Switch().run_validation(None) is False
    with pytest.raises(ValidationError):
        Switch().run_validation("maybe")
    config = ToolkitConfig()
    config.load_dict({"skip_downloads": 1, "cache_dir": "/tmp/cache"})
    failed, warnings = config.validate()
    assert not failed and config.skip_downloads is True and config.cache_dir == "/tmp/cache"
    assert config.export_markdown is None


def test_a_bad_option_stops_the_build_naming_it(project_copy):
    config = project_copy / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "skip_downloads: !ENV [WPS_SKIP_DOWNLOADS, false]", "skip_downloads: perhaps"), encoding="utf-8")
    result = run_cli("build", "--lang", "en", cwd=project_copy)
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "skip_downloads" in output and "perhaps" in output, output
    assert "Traceback" not in output and not (project_copy / "site").exists()


def test_the_build_state_lives_on_the_plugin_instance():
    from wpskit import handbook_hooks, indicator_macros, macros, pwa_hooks, site_hooks
    from wpskit.plugin import ToolkitPlugin
    assert not hasattr(site_hooks, "STATE") and not hasattr(handbook_hooks, "PENDING")
    assert not hasattr(pwa_hooks, "SITE_NAMES")
    first, second = ToolkitPlugin(), ToolkitPlugin()
    first.state.sizes[("vi", "x", "pdf")] = 1
    assert second.state.sizes == {} and first.state is not second.state
    for module in (site_hooks, handbook_hooks, pwa_hooks, macros, indicator_macros):
        assert "os.environ" not in open(module.__file__, encoding="utf-8").read(), module.__name__
