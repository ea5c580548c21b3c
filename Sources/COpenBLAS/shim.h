#ifndef ATTNVIEW_COPENBLAS_SHIM_H
#define ATTNVIEW_COPENBLAS_SHIM_H
#include <cblas.h>
#endif
