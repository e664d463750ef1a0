# Markdown (libcmark) to the document tree.
SRCS += src/markdown/markdown.c
