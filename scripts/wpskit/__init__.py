"""wpskit: the engine of the WPS Localization Toolkit.

Data (YAML in toolkit/ and glossary/) is loaded into validated models (model.py,
load.py), rendered into web fragments, PDFs and Word files (render/), and wired into
MkDocs through its plugin (plugin.py, `plugins: - wpskit` in mkdocs.yml) and macros.py. cli.py is what the Makefile calls.
"""

from . import languages as _languages

LANGUAGES = _languages.codes()  # from mkdocs.yml's i18n `languages:`, the source first (languages.py)
DEFAULT_LANGUAGE = _languages.source()  # the i18n `default: true` language: Vietnamese
