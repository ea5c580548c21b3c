.PHONY: model

# The reference model all-MiniLM-L6-v2 for `attnview --model minilm` (downloads ~83 MB once).
model:
	scripts/get_model.sh
