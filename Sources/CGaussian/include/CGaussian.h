// The seeded normal generator's arithmetic (see GaussianGenerator.swift for the algorithm), in C so
// it can be compiled three times, for baseline x86-64, AVX2 and AVX-512, and picked at run time.
// Only IEEE +, −, ×, ÷, √ and integer operations are used, with contraction to FMA off, so every
// variant gives the same bits.
#ifndef ATTNVIEW_CGAUSSIAN_H
#define ATTNVIEW_CGAUSSIAN_H

#include <stdint.h>

/// SplitMix64's output function (Stafford's "variant 13" finaliser) of one word.
uint64_t attn_splitmix_mix(uint64_t value);

/// Both normals of pair `pair_index` for rows first_row ..< first_row + 8: `even[i]` and `odd[i]`
/// are dims 2·pair_index and 2·pair_index + 1 of row first_row + i, in the stream keyed by `key`.
void attn_gaussian_pairs(uint64_t key, int64_t first_row, int64_t pair_index, double even[8], double odd[8]);

/// Writes rows first_row ..< first_row + row_count × dims 0 ..< columns of the stream keyed by
/// `key`, each normal times `scale` rounded to float, row-major into `target`.
void attn_gaussian_fill(
    uint64_t key, int64_t first_row, int64_t row_count, int64_t columns, double scale, float *target);

/// The compiled variants of the arithmetic.
typedef enum {
    attn_gaussian_baseline = 0,
    attn_gaussian_avx2 = 1,
    attn_gaussian_avx512 = 2,
} attn_gaussian_variant;

/// The variant this CPU runs.
attn_gaussian_variant attn_gaussian_chosen_variant(void);

/// `attn_gaussian_fill` with a given variant, so tests can hold the variants to the same bits.
/// Returns 0, writing nothing, when this CPU cannot run the variant; 1 otherwise.
int attn_gaussian_fill_variant(
    attn_gaussian_variant variant, uint64_t key, int64_t first_row, int64_t row_count, int64_t columns, double scale,
    float *target);

/// Writes rows first_row ..< first_row + row_count × dims 0 ..< columns of the single-precision
/// generator keyed by `key` (see GaussianGenerator.fillSingle), each normal times `scale`,
/// row-major into `target`. Every variant gives the same bits.
void attn_gaussian_fill_single(
    uint64_t key, int64_t first_row, int64_t row_count, int64_t columns, float scale, float *target);

/// `attn_gaussian_fill_single` with a given variant; 0, writing nothing, when this CPU cannot run it.
int attn_gaussian_fill_single_variant(
    attn_gaussian_variant variant, uint64_t key, int64_t first_row, int64_t row_count, int64_t columns, float scale,
    float *target);

/// The single-precision generator's ln x for normal x > 0, exposed so tests hold it to libm.
float attn_gaussian_log_single(float x);

/// The single-precision generator's (cos 2πt, sin 2πt) for t = r·2⁻²⁴, r < 2²⁴, for the tests.
void attn_gaussian_cos_sin_turns_single(uint32_t r, float *cosine, float *sine);

/// The generator's own ln x for normal x > 0 (error < 1e-10), exposed so tests hold it to libm.
double attn_gaussian_log(double x);

/// The generator's (cos 2πt, sin 2πt) for t = r·2⁻⁵², r < 2⁵², exposed so tests hold it to libm.
void attn_gaussian_cos_sin_turns(uint64_t r, double *cosine, double *sine);

#endif
