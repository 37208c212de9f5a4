"""`make build` with nothing changed re-makes nothing: the offline bundle and the service
worker are kept while what they are made from is the same (bundle_key.py, sw_cache.py)."""

import zipfile

from conftest import run_cli
from wpskit import bundle_key, sw_cache


def test_the_bundle_key_follows_every_source_and_the_site_address(project_copy):
    before = bundle_key.content_key(project_copy, {})
    assert bundle_key.content_key(project_copy, {}) == before
    cache = project_copy / "scripts" / "wpskit" / "__pycache__"
    cache.mkdir(exist_ok=True)
    (cache / "x.cpython-311.pyc").write_bytes(b"compiled")
    assert bundle_key.content_key(project_copy, {}) == before, "compiled Python is not a source"
    assert bundle_key.content_key(project_copy, {"SITE_URL": "https://example.org/"}) != before
    for source in ("docs/en/index.md", "toolkit/worksheets/local-action-plan.yml", "overrides/main.html",
                   "scripts/wpskit/render/docx_file.py", "mkdocs.yml"):
        path = project_copy / source
        original = path.read_bytes()
        path.write_bytes(original + b"\n")
        assert bundle_key.content_key(project_copy, {}) != before, source
        path.write_bytes(original)
    assert bundle_key.content_key(project_copy, {}) == before


def test_a_bundle_is_current_only_with_its_own_key_and_folder(tmp_path):
    bundle, folder = tmp_path / "b.zip", tmp_path / "wps-toolkit"
    with zipfile.ZipFile(bundle, "w") as archive:
        archive.comment = bundle_key.comment_of("abc")
        archive.writestr("wps-toolkit/index.html", "x")
    assert not bundle_key.is_current(bundle, folder, "abc"), "the unzipped folder is missing"
    folder.mkdir()
    assert bundle_key.is_current(bundle, folder, "abc")
    assert not bundle_key.is_current(bundle, folder, "abd")
    bundle.write_bytes(b"not a zip")
    assert not bundle_key.is_current(bundle, folder, "abc")


def test_the_service_worker_is_kept_while_the_app_shell_is_the_same(tmp_path):
    site, cache = tmp_path / "site", tmp_path / "cache"
    (site / "assets" / "javascripts").mkdir(parents=True)
    (site / "index.html").write_text("<p>home</p>")
    (site / "assets" / "javascripts" / "toolkit.js").write_text("let a = 1;")
    script, lock = tmp_path / "build-sw.mjs", tmp_path / "package-lock.json"
    script.write_text("// sw"), lock.write_text("{}")
    first = sw_cache.key(site, script, lock)
    assert sw_cache.restore(cache, first, site) is None
    (site / "sw.js").write_text("worker 1")
    (site / "workbox-1234.js").write_text("runtime")
    (site / sw_cache.WINDOW).write_text("window")
    assert sw_cache.key(site, script, lock) == first, "the worker's own output is not one of its inputs"
    sw_cache.store(cache, first, site, "sw.js: 3 files precached")
    fresh = tmp_path / "fresh"
    (fresh / "assets" / "javascripts").mkdir(parents=True)
    (fresh / "index.html").write_text("<p>home</p>")
    (fresh / "assets" / "javascripts" / "toolkit.js").write_text("let a = 1;")
    assert sw_cache.key(fresh, script, lock) == first
    assert sw_cache.restore(cache, first, fresh) == "sw.js: 3 files precached"
    assert (fresh / "sw.js").read_text() == "worker 1" and (fresh / "workbox-1234.js").exists()
    (fresh / "assets" / "javascripts" / "toolkit.js").write_text("let a = 2;")
    assert sw_cache.key(fresh, script, lock) != first
    script.write_text("// sw, changed")
    assert sw_cache.key(site, script, lock) != first


def test_a_second_build_keeps_the_offline_bundle_and_a_changed_page_remakes_it(project_copy):
    first = run_cli("build", cwd=project_copy)
    assert first.returncode == 0, first.stdout + first.stderr
    bundle = project_copy / "dist" / "wps-toolkit-offline.zip"
    made = bundle.stat().st_mtime_ns
    second = run_cli("build", cwd=project_copy)
    assert second.returncode == 0, second.stdout + second.stderr
    assert "is up to date" in second.stdout and bundle.stat().st_mtime_ns == made
    assert (project_copy / "site" / "downloads" / bundle.name).read_bytes() == bundle.read_bytes()
    page = project_copy / "docs" / "en" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nA sentence added for the test.\n", encoding="utf-8")
    third = run_cli("build", "--lang", "en", cwd=project_copy)  # a preview never makes the bundle
    assert third.returncode == 0 and bundle.stat().st_mtime_ns == made
    assert bundle_key.is_current(bundle, project_copy / "dist" / "wps-toolkit", bundle_key.content_key(project_copy)) is False
    with zipfile.ZipFile(bundle) as archive:
        assert archive.comment.startswith(b"wpskit-content-key:")
