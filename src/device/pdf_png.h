/*
 * Checking a PNG file completely before it is given to libharu, whose
 * libpng setup aborts the program on any damaged file.
 */
#ifndef DEVICE_PDF_PNG_H
#define DEVICE_PDF_PNG_H

#include <stddef.h>

/*
 * Check the PNG in p[0..n): 0 if libpng will read it without a fatal
 * error, else -1 with *why (static text) saying what is wrong.
 */
int	pdf_png_check(const unsigned char *p, size_t n, const char **why);

#endif
