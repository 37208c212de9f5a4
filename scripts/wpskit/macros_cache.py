"""What mkdocs-macros would redo identically on every build, done once.

  - Every page is a Jinja template to the macros plugin: it compiles each page's Markdown
    (Environment.from_string) on every build, a tenth of a warm build. The compiled code
    depends only on the page's text, Jinja's version and the environment's syntax settings,
    so it is kept in .cache/macros/, by a hash of those, as Jinja's own bytecode cache keeps
    template files (marshal); a page whose text changed is compiled afresh. Only the
    entries used by the last build of the same kind (languages, file:// copy) are kept.
  - The plugin asks git for the last commit (12 git commands) once per language build;
    within one build the answer is the same, so the second language reuses the first's.
"""

from __future__ import annotations

import functools
import hashlib
import marshal
import os
import pickle
import sys
from pathlib import Path
from types import CodeType

import jinja2

FOLDER = Path(".cache") / "macros"
SYNTAX = ("block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
          "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix",
          "trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline", "optimized", "is_async")


def _code_digest(code: CodeType) -> str:
    """The same for the same code in every process (a nested function's repr holds its address,
    a frozenset's order follows the process's string hashing)."""
    digest = hashlib.sha256(code.co_code)
    for const in code.co_consts:
        if isinstance(const, CodeType):
            digest.update(_code_digest(const).encode())
        elif isinstance(const, frozenset):
            digest.update(repr(sorted(map(repr, const))).encode())
        else:
            digest.update(repr(const).encode())
        digest.update(b"\0")
    digest.update(repr(code.co_names).encode())
    return digest.hexdigest()


def _function_key(function) -> str:
    code = getattr(function, "__code__", None)
    name = f"{getattr(function, '__module__', '')}.{getattr(function, '__qualname__', type(function).__qualname__)}"
    return name if code is None else f"{name}:{_code_digest(code)}"


def _environment_key(env: jinja2.Environment) -> str:
    """Jinja's syntax settings, and its filters and tests: its optimizer applies them to constants
    at compile time ({{ "a" | upper }} is compiled as "A"), so their code is part of the key."""
    settings = [repr(getattr(env, name, None)) for name in SYNTAX]
    settings += [f"filter {name}={_function_key(f)}" for name, f in sorted(env.filters.items())]
    settings += [f"test {name}={_function_key(f)}" for name, f in sorted(env.tests.items())]
    settings.append(repr(sorted(env.extensions)))
    settings.append(repr(env.autoescape) if isinstance(env.autoescape, bool) else "callable")
    settings.append(f"{jinja2.__version__}|{sys.version}|{Path(__file__).read_bytes()!r}")
    return hashlib.sha256("\0".join(settings).encode()).hexdigest()


class CompiledPages:
    """Compiled page templates of the macros plugin's environments, for one build."""

    def __init__(self, root: Path, variant: str):
        self.path = Path(root) / FOLDER / f"{variant}.pickle"
        try:
            self.stored = pickle.loads(self.path.read_bytes())
        except Exception:  # none yet, or unreadable: compile everything
            self.stored = {}
        self.kept: dict = {}
        self.compiled = 0

    def install(self, env: jinja2.Environment) -> None:
        if getattr(env, "_wpskit_compiled_pages", None) is self:
            return
        compile_source = env.compile
        settings = _environment_key(env)

        def compile(source, name=None, filename=None, raw=False, defer_init=False):
            if not isinstance(source, str) or name or filename or raw or defer_init:
                return compile_source(source, name, filename, raw, defer_init)
            key = hashlib.sha256(f"{settings}\0{source}".encode()).hexdigest()
            stored = self.stored.get(key)
            if stored is None:
                code = compile_source(source)  # a syntax error is raised here, as always, and nothing kept
                stored = marshal.dumps(code)
                self.compiled += 1
            self.kept[key] = stored
            return marshal.loads(stored)

        env.compile = compile
        env._wpskit_compiled_pages = self

    def save(self) -> None:
        if self.compiled == 0 and self.kept.keys() == self.stored.keys():
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        temporary.write_bytes(pickle.dumps(self.kept, protocol=pickle.HIGHEST_PROTOCOL))
        temporary.replace(self.path)


def once_per_build_git_info() -> None:
    """mkdocs-macros' git facts, asked once per process (a build) instead of once per language."""
    from mkdocs_macros import context
    if getattr(context.get_git_info, "_wpskit_once", False):
        return
    ask = functools.cache(context.get_git_info)

    def get_git_info():
        return dict(ask())
    get_git_info._wpskit_once = True
    context.get_git_info = get_git_info


# Build steps, called by the toolkit's plugin (plugin.py)

def on_startup(command, dirty):
    if command == "build":  # `mkdocs serve` asks again on each rebuild: the commit may have changed
        once_per_build_git_info()


def on_pre_page(page, config, files):
    from .page_cache import build_variant
    from .site_hooks import project_root, state_of
    macros = config.plugins.get("macros")
    env = getattr(macros, "_env", None)
    if env is None:
        return page
    state = state_of(config)
    if state.compiled_pages is None:
        state.compiled_pages = CompiledPages(project_root(config), build_variant(config))
    state.compiled_pages.install(env)
    return page


def on_post_build(config):
    from .site_hooks import state_of
    i18n = config.plugins.get("i18n")
    state = state_of(config)
    if getattr(i18n, "building", False) or state.compiled_pages is None:
        return  # a nested build of another language: the outer build keeps them all
    state.compiled_pages.save()
    state.compiled_pages = None
