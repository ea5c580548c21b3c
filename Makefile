# attnview on a fresh machine: `make run` opens the view, `make test` runs what CI runs.
# Both first install the Debian packages the build needs (see scripts/need_packages.sh).
#   make run ARGS="--dk 512"          the interactive view (release build), ARGS passed through
#   make test                         lint + the whole suite + an install into a temporary prefix
#   make install PREFIX=~/.local      binary, man page and shell completions (DESTDIR honoured)
#   make uninstall PREFIX=~/.local    removes exactly what install put there
#   make fuzz FUZZ_SECONDS=60         every fuzzer (fuzz/), FUZZ_SECONDS each; never part of `make test`

SWIFT ?= swift
PREFIX ?= /usr/local
CONFIGURATION ?= release
ARGS ?=
FUZZ_SECONDS ?= 60

PACKAGES = pkg-config libncurses-dev libopenblas-dev
TEST_PACKAGES = $(PACKAGES) tmux zsh fish
BINARY = .build/$(CONFIGURATION)/attnview
LINTED = Sources Tests Package.swift

ROOT = $(DESTDIR)$(PREFIX)
INSTALLED_BIN = $(ROOT)/bin/attnview
INSTALLED_MAN = $(ROOT)/share/man/man1/attnview.1
INSTALLED_BASH = $(ROOT)/share/bash-completion/completions/attnview
INSTALLED_ZSH = $(ROOT)/share/zsh/site-functions/_attnview
INSTALLED_FISH = $(ROOT)/share/fish/vendor_completions.d/attnview.fish

.PHONY: run test build packages test-packages lint install uninstall model fuzz

run: packages build
	$(BINARY) $(ARGS)

test: test-packages lint
	$(SWIFT) test
	CONFIGURATION=debug scripts/install_check.sh

build:
	$(SWIFT) build -c $(CONFIGURATION) --product attnview

packages:
	@scripts/need_packages.sh $(PACKAGES)

test-packages:
	@scripts/need_packages.sh $(TEST_PACKAGES)

lint:
	$(SWIFT) format lint --strict -r $(LINTED)

install: build
	install -d $(ROOT)/bin $(dir $(INSTALLED_MAN)) $(dir $(INSTALLED_BASH)) $(dir $(INSTALLED_ZSH)) $(dir $(INSTALLED_FISH))
	install -m 755 $(BINARY) $(INSTALLED_BIN)
	$(BINARY) manual > $(INSTALLED_MAN)
	$(BINARY) --generate-completion-script bash > $(INSTALLED_BASH)
	$(BINARY) --generate-completion-script zsh > $(INSTALLED_ZSH)
	$(BINARY) --generate-completion-script fish > $(INSTALLED_FISH)

uninstall:
	rm -f $(INSTALLED_BIN) $(INSTALLED_MAN) $(INSTALLED_BASH) $(INSTALLED_ZSH) $(INSTALLED_FISH)

# The reference model all-MiniLM-L6-v2 for `attnview --model minilm` (downloads ~83 MB once).
model:
	scripts/get_model.sh

# libFuzzer + AddressSanitizer over every reader of untrusted files (npy, safetensors, tokenizer, themes,
# config.json), FUZZ_SECONDS each, from the fixtures and fuzz/corpus (past crashes). Not run by CI.
fuzz: test-packages
	FUZZ_SECONDS=$(FUZZ_SECONDS) fuzz/run.sh
