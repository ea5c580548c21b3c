#ifndef ATTNVIEW_COPENBLAS_SHIM_H
#define ATTNVIEW_COPENBLAS_SHIM_H
#include <cblas.h>
/* OpenBLAS' own: stops its worker threads (attnview runs sgemm single-threaded and splits rows itself). */
int blas_thread_shutdown_(void);
#endif
