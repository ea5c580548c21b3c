// The arithmetic of GaussianGenerator: eight rows per vector. The inline functions below are
// instantiated in three wrappers with different target attributes; the compiler lowers the same
// vector code to SSE2, AVX2 or AVX-512 (whose 64-bit multiply is the generator's main cost).
#include "CGaussian.h"

#include <stdatomic.h>

// An FMA rounds once where a multiply and an add round twice: fusing would change the bits.
#pragma STDC FP_CONTRACT OFF
// The vector helpers are always inlined into their caller, so no vector crosses a call boundary.
#pragma clang diagnostic ignored "-Wpsabi"

typedef double d8 __attribute__((vector_size(64)));
typedef uint64_t u8 __attribute__((vector_size(64)));
typedef int64_t i8 __attribute__((vector_size(64)));
typedef float f8 __attribute__((vector_size(32)));

#define INLINE static inline __attribute__((always_inline))

static const uint64_t one_bits = 0x3FF0000000000000ull;
static const uint64_t sqrt_half_bits = 0x3FE6A09E667F3BCDull;
static const uint64_t gamma = 0x9E3779B97F4A7C15ull;

INLINE u8 mix(u8 z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

// ln x from the exponent and the atanh series of the mantissa, shifted into [√½, √2) as in musl.
INLINE d8 log8(d8 x) {
    u8 shifted = (u8)x + (one_bits - sqrt_half_bits);
    d8 exponent = (d8)((shifted >> 52) | 0x4330000000000000ull) - (0x1p52 + 1023);
    d8 mantissa = (d8)((shifted & 0x000FFFFFFFFFFFFFull) + sqrt_half_bits);
    d8 s = (mantissa - 1) / (mantissa + 1);
    d8 s2 = s * s;
    d8 series = s2 * 0 + 1.0 / 13;
    series = series * s2 + 1.0 / 11;
    series = series * s2 + 1.0 / 9;
    series = series * s2 + 1.0 / 7;
    series = series * s2 + 1.0 / 5;
    series = series * s2 + 1.0 / 3;
    series = series * s2 + 1;
    const double ln2_hi = 0.6931471803691238;
    const double ln2_lo = 1.9082149292705877e-10;
    return exponent * ln2_hi + (exponent * ln2_lo + 2 * s * series);
}

// (cos 2πt, sin 2πt), t = r·2⁻⁵²: exact reduction to the nearest quarter turn on the integer, then
// Taylor series on [−π/4, π/4]; the quadrant swaps and negates on the bits.
INLINE void cos_sin_turns8(u8 r, d8 *cosine_out, d8 *sine_out) {
    u8 shifted = r + (1ull << 49);
    u8 quadrant = (shifted >> 50) & 3;
    d8 offset = (d8)(((shifted & ((1ull << 50) - 1)) << 2) | one_bits) - 1.5;
    d8 theta = offset * 1.5707963267948966;
    d8 t2 = theta * theta;
    d8 sine = t2 * 0 - 1.0 / 39916800;
    sine = sine * t2 + 1.0 / 362880;
    sine = sine * t2 - 1.0 / 5040;
    sine = sine * t2 + 1.0 / 120;
    sine = sine * t2 - 1.0 / 6;
    sine = (sine * t2 + 1) * theta;
    d8 cosine = t2 * 0 + 1.0 / 479001600;
    cosine = cosine * t2 - 1.0 / 3628800;
    cosine = cosine * t2 + 1.0 / 40320;
    cosine = cosine * t2 - 1.0 / 720;
    cosine = cosine * t2 + 1.0 / 24;
    cosine = cosine * t2 - 0.5;
    cosine = cosine * t2 + 1;
    u8 cos_bits = (u8)cosine, sin_bits = (u8)sine;
    u8 swap = 0 - (quadrant & 1);
    *cosine_out = (d8)(((cos_bits & ~swap) | (sin_bits & swap)) ^ ((((quadrant + 1) >> 1) & 1) << 63));
    *sine_out = (d8)(((sin_bits & ~swap) | (cos_bits & swap)) ^ (((quadrant >> 1) & 1) << 63));
}

INLINE void pairs8(uint64_t key, int64_t first_row, int64_t pair_index, d8 *even, d8 *odd) {
    const u8 lane = {0, 1, 2, 3, 4, 5, 6, 7};
    u8 rows = (u8){} + (uint64_t)first_row + lane;
    u8 counter = (rows << 32) | (uint64_t)pair_index;
    u8 position = (counter * 2 + 1) * gamma + key;
    u8 bits1 = mix(position);
    u8 bits2 = mix(position + gamma);
    // u₁ = 1 − (top 52 bits)·2⁻⁵² ∈ (0, 1], built from the bits (exact, no int→double conversion).
    d8 u1 = 2 - (d8)((bits1 >> 12) | one_bits);
    d8 radius = __builtin_elementwise_sqrt(-2 * log8(u1));
    d8 cosine, sine;
    cos_sin_turns8(bits2 >> 12, &cosine, &sine);
    *even = radius * cosine;
    *odd = radius * sine;
}

INLINE void fill_body(
    uint64_t key, int64_t first_row, int64_t row_count, int64_t columns, double scale, float *target) {
    int64_t pairs = (columns + 1) / 2;
    for (int64_t first = 0; first < row_count; first += 8) {
        int64_t lanes = row_count - first < 8 ? row_count - first : 8;
        float *base = target + first * columns;
        for (int64_t pair = 0; pair < pairs; pair++) {
            d8 even, odd;
            pairs8(key, first_row + first, pair, &even, &odd);
            f8 even_f = __builtin_convertvector(scale * even, f8);
            f8 odd_f = __builtin_convertvector(scale * odd, f8);
            int64_t column = 2 * pair;
            if (column + 1 < columns) {
                for (int64_t lane = 0; lane < lanes; lane++) {
                    base[lane * columns + column] = even_f[lane];
                    base[lane * columns + column + 1] = odd_f[lane];
                }
            } else {
                for (int64_t lane = 0; lane < lanes; lane++) base[lane * columns + column] = even_f[lane];
            }
        }
    }
}

#define FILL_ARGS uint64_t key, int64_t first_row, int64_t row_count, int64_t columns, double scale, float *target
#define FILL_CALL key, first_row, row_count, columns, scale, target

static void fill_baseline(FILL_ARGS) { fill_body(FILL_CALL); }

#if defined(__x86_64__)
__attribute__((target("avx2"))) static void fill_avx2(FILL_ARGS) { fill_body(FILL_CALL); }
__attribute__((target("avx512f,avx512dq"))) static void fill_avx512(FILL_ARGS) { fill_body(FILL_CALL); }

static int supports(attn_gaussian_variant variant) {
    __builtin_cpu_init();
    switch (variant) {
    case attn_gaussian_avx512: return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq");
    case attn_gaussian_avx2: return __builtin_cpu_supports("avx2");
    default: return 1;
    }
}
#else
static int supports(attn_gaussian_variant variant) { return variant == attn_gaussian_baseline; }
#endif

typedef void (*fill_function)(FILL_ARGS);

static fill_function variant_function(attn_gaussian_variant variant) {
#if defined(__x86_64__)
    if (variant == attn_gaussian_avx512) return fill_avx512;
    if (variant == attn_gaussian_avx2) return fill_avx2;
#endif
    return fill_baseline;
}

attn_gaussian_variant attn_gaussian_chosen_variant(void) {
    // Resolved once; threads racing here store the same value.
    static _Atomic int chosen = -1;
    int known = atomic_load_explicit(&chosen, memory_order_relaxed);
    if (known >= 0) return (attn_gaussian_variant)known;
    attn_gaussian_variant best = supports(attn_gaussian_avx512) ? attn_gaussian_avx512
                                 : supports(attn_gaussian_avx2) ? attn_gaussian_avx2
                                                                : attn_gaussian_baseline;
    atomic_store_explicit(&chosen, (int)best, memory_order_relaxed);
    return best;
}

void attn_gaussian_fill(FILL_ARGS) { variant_function(attn_gaussian_chosen_variant())(FILL_CALL); }

int attn_gaussian_fill_variant(attn_gaussian_variant variant, FILL_ARGS) {
    if (!supports(variant)) return 0;
    variant_function(variant)(FILL_CALL);
    return 1;
}

uint64_t attn_splitmix_mix(uint64_t value) {
    u8 lanes = (u8){} + value;
    return mix(lanes)[0];
}

#define PAIRS_ARGS uint64_t key, int64_t first_row, int64_t pair_index, double even[8], double odd[8]

INLINE void pairs_body(PAIRS_ARGS) {
    d8 e, o;
    pairs8(key, first_row, pair_index, &e, &o);
    __builtin_memcpy(even, &e, sizeof e);
    __builtin_memcpy(odd, &o, sizeof o);
}

static void pairs_baseline(PAIRS_ARGS) { pairs_body(key, first_row, pair_index, even, odd); }

#if defined(__x86_64__)
__attribute__((target("avx2"))) static void pairs_avx2(PAIRS_ARGS) {
    pairs_body(key, first_row, pair_index, even, odd);
}
__attribute__((target("avx512f,avx512dq"))) static void pairs_avx512(PAIRS_ARGS) {
    pairs_body(key, first_row, pair_index, even, odd);
}
#endif

void attn_gaussian_pairs(PAIRS_ARGS) {
#if defined(__x86_64__)
    switch (attn_gaussian_chosen_variant()) {
    case attn_gaussian_avx512: return pairs_avx512(key, first_row, pair_index, even, odd);
    case attn_gaussian_avx2: return pairs_avx2(key, first_row, pair_index, even, odd);
    default: break;
    }
#endif
    pairs_baseline(key, first_row, pair_index, even, odd);
}

double attn_gaussian_log(double x) { return log8((d8){} + x)[0]; }

void attn_gaussian_cos_sin_turns(uint64_t r, double *cosine, double *sine) {
    d8 c, s;
    cos_sin_turns8((u8){} + r, &c, &s);
    *cosine = c[0];
    *sine = s[0];
}

// ---- Single precision: the training lab's data, drawn afresh every step ----
// Sixteen pairs of one row per vector (dims 32b ..< 32b + 32), float arithmetic and 32-bit hashes:
// several times cheaper than the double generator's 64-bit multiplies, divisions and square roots.

typedef float f16 __attribute__((vector_size(64)));
typedef uint32_t w16 __attribute__((vector_size(64)));
typedef int32_t s16 __attribute__((vector_size(64)));

// Chris Wellons' "lowbias32" integer hash, a bijection of 32-bit words.
#define LOWBIAS32(x) \
    do { \
        x ^= x >> 16; \
        x *= 0x7FEB352Du; \
        x ^= x >> 15; \
        x *= 0x846CA68Bu; \
        x ^= x >> 16; \
    } while (0)

static inline uint32_t hash32(uint32_t x) {
    LOWBIAS32(x);
    return x;
}

INLINE w16 hash32x16(w16 x) {
    LOWBIAS32(x);
    return x;
}

static const uint32_t sqrt_half_single_bits = 0x3F3504F3u;

// ln x as in musl's logf: x = 2^k·m with m in [√½, √2), s = (m − 1)/(m + 1), ln m = 2 atanh s.
INLINE f16 log16(f16 x) {
    w16 shifted = (w16)x + (0x3F800000u - sqrt_half_single_bits);
    f16 exponent = __builtin_convertvector((s16)(shifted >> 23) - 127, f16);
    f16 mantissa = (f16)((shifted & 0x007FFFFFu) + sqrt_half_single_bits);
    f16 s = (mantissa - 1) / (mantissa + 1);
    f16 s2 = s * s;
    f16 series = s2 * 0 + 1.0f / 9;
    series = series * s2 + 1.0f / 7;
    series = series * s2 + 1.0f / 5;
    series = series * s2 + 1.0f / 3;
    series = series * s2 + 1;
    const float ln2_hi = 6.9313812256e-01f, ln2_lo = 9.0580006145e-06f;
    return exponent * ln2_hi + (exponent * ln2_lo + 2 * s * series);
}

// (cos 2πt, sin 2πt) for t = r·2⁻²⁴: the quarter turn from the integer, exactly; Taylor series on
// [−π/4, π/4) in float; the quadrant swaps and negates on the bits.
INLINE void cos_sin_turns16(w16 r, f16 *cosine_out, f16 *sine_out) {
    w16 shifted = r + (1u << 21);
    w16 quadrant = (shifted >> 22) & 3;
    f16 offset = __builtin_convertvector((s16)(shifted & ((1u << 22) - 1)) - (1 << 21), f16);
    f16 theta = offset * 0x1.921FB6p-22f;  // 2π·2⁻²⁴, rounded to float
    f16 t2 = theta * theta;
    f16 sine = t2 * 0 + 1.0f / 362880;
    sine = sine * t2 - 1.0f / 5040;
    sine = sine * t2 + 1.0f / 120;
    sine = sine * t2 - 1.0f / 6;
    sine = (sine * t2 + 1) * theta;
    f16 cosine = t2 * 0 + 1.0f / 40320;
    cosine = cosine * t2 - 1.0f / 720;
    cosine = cosine * t2 + 1.0f / 24;
    cosine = cosine * t2 - 0.5f;
    cosine = cosine * t2 + 1;
    w16 cos_bits = (w16)cosine, sin_bits = (w16)sine;
    w16 swap = 0 - (quadrant & 1);
    *cosine_out = (f16)(((cos_bits & ~swap) | (sin_bits & swap)) ^ ((((quadrant + 1) >> 1) & 1) << 31));
    *sine_out = (f16)(((sin_bits & ~swap) | (cos_bits & swap)) ^ (((quadrant >> 1) & 1) << 31));
}

// The two 32-bit words of row `row` that every pair of the row mixes in, one per uniform.
static inline void row_words(uint64_t key, int64_t row, uint32_t *first, uint32_t *second) {
    uint64_t r = (uint64_t)row;
    *first = hash32(hash32((uint32_t)r ^ (uint32_t)key) ^ (uint32_t)(r >> 32) ^ (uint32_t)(key >> 32));
    *second = hash32(*first ^ 0x68E31DA4u);
}

// The 32 normals of one row at dims 32·block ..< 32·block + 32, interleaved even/odd.
INLINE void single_block(uint32_t row1, uint32_t row2, w16 pair1, w16 pair2, f16 scale, f16 *low, f16 *high) {
    w16 h1 = hash32x16(pair1 ^ row1);
    w16 h2 = hash32x16(pair2 ^ row2);
    // u₁ = (⌊h₁/2⁸⌋ + 1)·2⁻²⁴ in (0, 1], exact in float.
    f16 u1 = __builtin_convertvector((s16)((h1 >> 8) + 1), f16) * 0x1p-24f;
    f16 radius = __builtin_elementwise_sqrt(-2 * log16(u1));
    f16 cosine, sine;
    cos_sin_turns16(h2 >> 8, &cosine, &sine);
    f16 even = radius * cosine * scale, odd = radius * sine * scale;
    *low = __builtin_shufflevector(even, odd, 0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23);
    *high = __builtin_shufflevector(even, odd, 8, 24, 9, 25, 10, 26, 11, 27, 12, 28, 13, 29, 14, 30, 15, 31);
}

INLINE void fill_single_body(
    uint64_t key, int64_t first_row, int64_t row_count, int64_t columns, float scale, float *target) {
    const w16 lane = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
    f16 scales = (f16){} + scale;
    for (int64_t block = 0; block * 32 < columns; block++) {
        // The pair words depend on the pair index alone, so they are hashed once per block.
        w16 pairs = lane + (uint32_t)(16 * block);
        w16 pair1 = hash32x16(pairs ^ 0x1B873593u), pair2 = hash32x16(pairs ^ 0xCC9E2D51u);
        int64_t count = columns - 32 * block < 32 ? columns - 32 * block : 32;
        for (int64_t row = 0; row < row_count; row++) {
            uint32_t row1, row2;
            row_words(key, first_row + row, &row1, &row2);
            f16 low, high;
            single_block(row1, row2, pair1, pair2, scales, &low, &high);
            float *out = target + row * columns + 32 * block;
            if (count == 32) {
                __builtin_memcpy(out, &low, 64);
                __builtin_memcpy(out + 16, &high, 64);
            } else {
                for (int64_t i = 0; i < count; i++) out[i] = i < 16 ? low[i] : high[i - 16];
            }
        }
    }
}

#define FILL_SINGLE_ARGS uint64_t key, int64_t first_row, int64_t row_count, int64_t columns, float scale, float *target

static void fill_single_baseline(FILL_SINGLE_ARGS) { fill_single_body(FILL_CALL); }

#if defined(__x86_64__)
__attribute__((target("avx2"))) static void fill_single_avx2(FILL_SINGLE_ARGS) { fill_single_body(FILL_CALL); }
__attribute__((target("avx512f,avx512dq"))) static void fill_single_avx512(FILL_SINGLE_ARGS) {
    fill_single_body(FILL_CALL);
}
#endif

typedef void (*fill_single_function)(FILL_SINGLE_ARGS);

static fill_single_function single_variant_function(attn_gaussian_variant variant) {
#if defined(__x86_64__)
    if (variant == attn_gaussian_avx512) return fill_single_avx512;
    if (variant == attn_gaussian_avx2) return fill_single_avx2;
#endif
    return fill_single_baseline;
}

void attn_gaussian_fill_single(FILL_SINGLE_ARGS) {
    single_variant_function(attn_gaussian_chosen_variant())(FILL_CALL);
}

int attn_gaussian_fill_single_variant(attn_gaussian_variant variant, FILL_SINGLE_ARGS) {
    if (!supports(variant)) return 0;
    single_variant_function(variant)(FILL_CALL);
    return 1;
}

float attn_gaussian_log_single(float x) { return log16((f16){} + x)[0]; }

void attn_gaussian_cos_sin_turns_single(uint32_t r, float *cosine, float *sine) {
    f16 c, s;
    cos_sin_turns16((w16){} + r, &c, &s);
    *cosine = c[0];
    *sine = s[0];
}
