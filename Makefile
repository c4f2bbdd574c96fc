# Handreiking Housing First voor woningcorporaties. Only python3 (3.11+) is assumed; everything else
# is installed from this project's own files: requirements.lock, package-lock.json and Debian's apt.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# Silence the end-of-life banners of Material and mkdocs-redirects.
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true
# Where `make serve` listens; the default site_url in mkdocs.yml matches it.
ADDRESS ?= 127.0.0.1:8000

.PHONY: serve build test links bench lock check clean browser zensical pdf clock

# Every command goes through the guide's one command line: python -m scripts <command> (see --help).
serve: $(VENV)/.installed pdf
	$(PY) -m scripts serve --adres $(ADDRESS)

build: $(VENV)/.installed node_modules/.shipped pdf
	$(PY) -m scripts build

test: $(VENV)/.installed node_modules/.installed browser pdf clock
	$(PY) -m pytest

links: $(VENV)/.installed node_modules/.shipped pdf
	$(PY) -m scripts links

bench: $(VENV)/.installed node_modules/.installed browser pdf
	$(PY) -m scripts bench

# Check content/ alone: quick feedback for content editors.
check: $(VENV)/.installed
	$(PY) -m scripts check

# The same guide built with Zensical, MkDocs' successor, into site-zensical/.
zensical: $(VENV)/.installed pdf
	$(PY) -m scripts zensical

$(VENV)/.installed: requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Python 3.11 of nieuwer is nodig ($(PYTHON) is te oud)."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	@# The project root on the venv's path: `mkdocs build` and Zensical then find the scripts package.
	$(PY) -c 'import pathlib, sysconfig; pathlib.Path(sysconfig.get_paths()["purelib"], "handreiking.pth").write_text("$(CURDIR)\n")'
	touch $@

# Everything in package.json: what the site ships (the offline search shim) and the test tools.
node_modules/.installed: package.json package-lock.json | node
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@ node_modules/.shipped

# Only what the built site ships: a build needs no Lighthouse, vnu or axe.
node_modules/.shipped: package.json package-lock.json | node
	npm ci --no-audit --no-fund --ignore-scripts --omit=dev
	touch $@

# npm and Java (for the HTML checker) and Chromium come from Debian when they are missing.
.PHONY: node
node:
	@command -v npm >/dev/null || $(call apt_install,nodejs npm)

browser:
	@command -v java >/dev/null || $(call apt_install,default-jre-headless)
	@test -x /usr/bin/chromium || $(call apt_install,chromium)

# WeasyPrint (the PDFs) needs Pango and the DejaVu font; the tests read PDF pages as images with pdftoppm.
pdf:
	@test -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf || $(call apt_install,fonts-dejavu-core)
	@ldconfig -p | grep -q libpangoft2-1.0 || $(call apt_install,libpango-1.0-0 libpangoft2-1.0-0)
	@command -v pdftoppm >/dev/null || $(call apt_install,poppler-utils)

# The reproducibility test builds the guide with the clock a month ahead (libfaketime).
clock:
	@command -v faketime >/dev/null || $(call apt_install,faketime)

define apt_install
	{ if [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(1) >/dev/null; \
	else \
		echo "Nodig maar niet gevonden: $(1). Installeer met: sudo apt-get install $(1)"; exit 1; \
	fi; }
endef

# Refresh the lock after changing a pin in pyproject.toml.
lock:
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet pip-tools==7.6.2
	.lock-venv/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
		--no-emit-index-url --no-emit-find-links --extra test --extra bench \
		--output-file requirements.lock pyproject.toml
	rm -rf .lock-venv

clean:
	rm -rf site site-zensical .zensical .zensical.yml .site-* .pytest_cache .cache .build-cache
