"""Translation tracking: an outdated English page shows a banner and is listed; recording
the translation removes both; a missing page fails `l10n-status --check`."""

import re

from conftest import run_cli

MODULE = "modules/03-localization"
BANNER = "This translation may be out of date"


def status_line(project, path):
    result = run_cli("l10n-status", "--all", cwd=project)
    return next(line for line in result.stdout.splitlines() if f"  {path}  " in line)


def build_english(project):
    # the web pages are what is checked: no download is made (an edited Vietnamese page would
    # otherwise make both handbooks again, most of the build's time)
    result = run_cli("build", "--no-offline", cwd=project, env={"WPS_SKIP_DOWNLOADS": "1"})
    assert result.returncode == 0, result.stderr
    return project / "site" / "en"


def test_changed_source_marks_the_translation_outdated_until_it_is_recorded(project_copy):
    assert run_cli("l10n-mark", cwd=project_copy).returncode == 0
    assert status_line(project_copy, f"docs/en/{MODULE}.md").startswith("up to date")

    source = project_copy / "docs" / "vi" / f"{MODULE}.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nMột câu mới được bổ sung vào bản gốc.\n", encoding="utf-8")
    assert status_line(project_copy, f"docs/en/{MODULE}.md").startswith("OUTDATED")

    site = build_english(project_copy)
    page = (site / MODULE / "index.html").read_text(encoding="utf-8")
    assert BANNER in page
    link = re.search(r'<a href="([^"]+)" hreflang="vi">Read the Vietnamese page</a>', page).group(1)
    assert (site / MODULE / link / "index.html").resolve() == (project_copy / "site" / MODULE / "index.html").resolve()
    assert f"/edit/main/docs/en/{MODULE}.md" in page
    other = (site / "modules" / "01-wps-agenda" / "index.html").read_text(encoding="utf-8")
    assert BANNER not in other
    status_page = (site / "contribute" / "translation-status" / "index.html").read_text(encoding="utf-8")
    assert re.search(rf"docs/en/{MODULE}\.md</code></td>\s*<td><code>docs/vi/{MODULE}\.md</code></td>\s*<td><strong>Outdated", status_page)

    assert run_cli("l10n-mark", f"docs/en/{MODULE}.md", cwd=project_copy).returncode == 0
    assert status_line(project_copy, f"docs/en/{MODULE}.md").startswith("up to date")
    site = build_english(project_copy)
    assert BANNER not in (site / MODULE / "index.html").read_text(encoding="utf-8")


def test_changed_vietnamese_data_marks_the_english_tool_page_outdated(project_copy):
    assert run_cli("l10n-mark", cwd=project_copy).returncode == 0
    data = project_copy / "toolkit" / "worksheets" / "stakeholder-map.yml"
    text = data.read_text(encoding="utf-8")
    data.write_text(text.replace('  vi: "', '  vi: "Mới: ', 1), encoding="utf-8")
    assert status_line(project_copy, "toolkit/worksheets/stakeholder-map.yml").startswith("OUTDATED")
    site = build_english(project_copy)
    assert BANNER in (site / "worksheets" / "stakeholder-map" / "index.html").read_text(encoding="utf-8")


def test_missing_english_page_fails_the_check_and_names_the_file(project_copy):
    (project_copy / "docs" / "en" / "about" / "index.md").unlink()
    result = run_cli("l10n-status", "--check", cwd=project_copy)
    assert result.returncode == 1
    assert "create docs/en/about/index.md" in result.stdout
