"""TinyVLM: a small LLaVA-shaped vision-language model trained on SynthScenes."""
