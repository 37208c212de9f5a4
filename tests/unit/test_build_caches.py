"""The caches of a warm build serve only what is made from the same inputs (macros_cache.py,
search_cache.py); the built-site side of it is in tests/build/test_warm_rebuild.py."""

import jinja2

from wpskit import macros_cache, search_cache


def _environment(shout):
    env = jinja2.Environment()
    env.filters["shout"] = shout
    return env


def test_a_compiled_page_is_reused_only_with_the_same_text_and_filters(tmp_path):
    first = macros_cache.CompiledPages(tmp_path, "vi+en-site")
    env = _environment(lambda text: text.upper())
    first.install(env)
    assert env.from_string("{{ 'tiếng việt' | shout }} {{ n }}").render(n=1) == "TIẾNG VIỆT 1"
    assert first.compiled == 1
    first.save()

    again = macros_cache.CompiledPages(tmp_path, "vi+en-site")
    env = _environment(lambda text: text.upper())
    again.install(env)
    assert env.from_string("{{ 'tiếng việt' | shout }} {{ n }}").render(n=2) == "TIẾNG VIỆT 2"
    assert again.compiled == 0, "the same page text with the same filters comes from the cache"
    assert env.from_string("{{ n }} changed").render(n=3) == "3 changed" and again.compiled == 1

    # Jinja folds a filter applied to a constant at compile time: a changed filter must not
    # leave the old result in a cached page
    changed = macros_cache.CompiledPages(tmp_path, "vi+en-site")
    env = _environment(lambda text: text + "!")
    changed.install(env)
    assert env.from_string("{{ 'tiếng việt' | shout }} {{ n }}").render(n=4) == "tiếng việt! 4"


def test_a_template_error_is_raised_every_time_and_never_kept(tmp_path):
    for _ in range(2):
        pages = macros_cache.CompiledPages(tmp_path, "vi-site")
        env = jinja2.Environment()
        pages.install(env)
        try:
            env.from_string("{{ unclosed ")
        except jinja2.TemplateSyntaxError:
            pass
        else:
            raise AssertionError("a syntax error must be reported")
        pages.save()
        assert pages.kept == {}


def test_the_search_indexes_are_made_again_when_a_page_they_read_changes(tmp_path):
    page = tmp_path / "glossary" / "index.html"
    page.parent.mkdir()
    page.write_text('<dt id="a">A</dt><dd>first</dd>', encoding="utf-8")
    made = []

    def make():
        made.append(page.read_text(encoding="utf-8"))
        return {"vi": f"index {len(made)}"}

    cache = tmp_path / "cache"
    read = {"glossary/": page}
    assert search_cache.folded_indexes(cache, '{"docs": []}', read, "vi|vi+en", make) == {"vi": "index 1"}
    assert search_cache.folded_indexes(cache, '{"docs": []}', read, "vi|vi+en", make) == {"vi": "index 1"}
    assert len(made) == 1
    page.write_text('<dt id="a">A</dt><dd>second</dd>', encoding="utf-8")
    assert search_cache.folded_indexes(cache, '{"docs": []}', read, "vi|vi+en", make) == {"vi": "index 2"}
    assert search_cache.folded_indexes(cache, '{"docs": [1]}', read, "vi|vi+en", make) == {"vi": "index 3"}
