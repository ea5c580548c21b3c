// The arithmetic of GaussianGenerator: eight rows per vector. The inline functions below are
// instantiated in three wrappers with different target attributes; the compiler lowers the same
// vector code to SSE2, AVX2 or AVX-512 (whose 64-bit multiply is the generator's main cost).
#include "CGaussian.h"

#include <stdatomic.h>

// An FMA rounds once where a multiply and an add round twice: fusing would change the bits, and the
// AVX-512 copy (whose target implies FMA) would differ from the others. Package.swift compiles this
// file with -ffp-contract=off, which is what guarantees it: -ffp-contract=fast overrides the pragma.
#pragma STDC FP_CONTRACT OFF
#ifdef __FAST_MATH__
#error "gaussian.c must be compiled without fast-math: every compiled copy has to give the same bits"
#endif
// The vector helpers are always inlined into their caller, so no vector crosses a call boundary.
#pragma clang diagnostic ignored "-Wpsabi"

typedef double f64x8 __attribute__((vector_size(64)));
typedef uint64_t u64x8 __attribute__((vector_size(64)));
typedef float f32x8 __attribute__((vector_size(32)));

#define INLINE static inline __attribute__((always_inline))

// A vector of type T with every lane `value`.
#define SPLAT(T, value) ((T){} + (value))

static const uint64_t one_bits = 0x3FF0000000000000ull;
static const uint64_t sqrt_half_bits = 0x3FE6A09E667F3BCDull;
static const uint64_t gamma = 0x9E3779B97F4A7C15ull;

INLINE u64x8 mix(u64x8 z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

// ln x from the exponent and the atanh series of the mantissa, shifted into [√½, √2) as in musl.
INLINE f64x8 log8(f64x8 x) {
    u64x8 shifted = (u64x8)x + (one_bits - sqrt_half_bits);
    f64x8 exponent = (f64x8)((shifted >> 52) | 0x4330000000000000ull) - (0x1p52 + 1023);
    f64x8 mantissa = (f64x8)((shifted & 0x000FFFFFFFFFFFFFull) + sqrt_half_bits);
    f64x8 s = (mantissa - 1) / (mantissa + 1);
    f64x8 s2 = s * s;
    f64x8 series = SPLAT(f64x8, 1.0 / 13);
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
INLINE void cos_sin_turns8(u64x8 r, f64x8 *cosine_out, f64x8 *sine_out) {
    u64x8 shifted = r + (1ull << 49);
    u64x8 quadrant = (shifted >> 50) & 3;
    f64x8 offset = (f64x8)(((shifted & ((1ull << 50) - 1)) << 2) | one_bits) - 1.5;
    f64x8 theta = offset * 1.5707963267948966;
    f64x8 t2 = theta * theta;
    f64x8 sine = SPLAT(f64x8, -1.0 / 39916800);
    sine = sine * t2 + 1.0 / 362880;
    sine = sine * t2 - 1.0 / 5040;
    sine = sine * t2 + 1.0 / 120;
    sine = sine * t2 - 1.0 / 6;
    sine = (sine * t2 + 1) * theta;
    f64x8 cosine = SPLAT(f64x8, 1.0 / 479001600);
    cosine = cosine * t2 - 1.0 / 3628800;
    cosine = cosine * t2 + 1.0 / 40320;
    cosine = cosine * t2 - 1.0 / 720;
    cosine = cosine * t2 + 1.0 / 24;
    cosine = cosine * t2 - 0.5;
    cosine = cosine * t2 + 1;
    u64x8 cos_bits = (u64x8)cosine, sin_bits = (u64x8)sine;
    u64x8 swap = 0 - (quadrant & 1);
    *cosine_out = (f64x8)(((cos_bits & ~swap) | (sin_bits & swap)) ^ ((((quadrant + 1) >> 1) & 1) << 63));
    *sine_out = (f64x8)(((sin_bits & ~swap) | (cos_bits & swap)) ^ (((quadrant >> 1) & 1) << 63));
}

INLINE void pairs8(uint64_t key, int64_t first_row, int64_t pair_index, f64x8 *even, f64x8 *odd) {
    const u64x8 lane = {0, 1, 2, 3, 4, 5, 6, 7};
    u64x8 rows = SPLAT(u64x8, (uint64_t)first_row) + lane;
    u64x8 counter = (rows << 32) | (uint64_t)pair_index;
    u64x8 position = (counter * 2 + 1) * gamma + key;
    u64x8 bits1 = mix(position);
    u64x8 bits2 = mix(position + gamma);
    // u₁ = 1 − (top 52 bits)·2⁻⁵² ∈ (0, 1], built from the bits (exact, no int→double conversion).
    f64x8 u1 = 2 - (f64x8)((bits1 >> 12) | one_bits);
    f64x8 radius = __builtin_elementwise_sqrt(-2 * log8(u1));
    f64x8 cosine, sine;
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
            f64x8 even, odd;
            pairs8(key, first_row + first, pair, &even, &odd);
            f32x8 even_f = __builtin_convertvector(scale * even, f32x8);
            f32x8 odd_f = __builtin_convertvector(scale * odd, f32x8);
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
// The argument list of both fill functions (the single-precision one names its parameters alike).
#define FILL_CALL key, first_row, row_count, columns, scale, target

static void fill_baseline(FILL_ARGS) { fill_body(FILL_CALL); }

#if defined(__x86_64__)
__attribute__((target("avx2"))) static void fill_avx2(FILL_ARGS) { fill_body(FILL_CALL); }
__attribute__((target("avx512f,avx512dq"))) static void fill_avx512(FILL_ARGS) { fill_body(FILL_CALL); }

// The runtime detects the CPU in a constructor, so no __builtin_cpu_init is needed here (only code
// that runs before constructors, such as an ifunc resolver, must call it).
static int supports(attn_gaussian_variant variant) {
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
    u64x8 lanes = SPLAT(u64x8, value);
    return mix(lanes)[0];
}

#define PAIRS_ARGS uint64_t key, int64_t first_row, int64_t pair_index, double even[8], double odd[8]

INLINE void pairs_body(PAIRS_ARGS) {
    f64x8 e, o;
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

double attn_gaussian_log(double x) { return log8(SPLAT(f64x8, x))[0]; }

void attn_gaussian_cos_sin_turns(uint64_t r, double *cosine, double *sine) {
    f64x8 c, s;
    cos_sin_turns8(SPLAT(u64x8, r), &c, &s);
    *cosine = c[0];
    *sine = s[0];
}

// ---- Single precision: the training lab's data, drawn afresh every step ----
// Sixteen pairs of one row per vector (dims 32b ..< 32b + 32), float arithmetic and 32-bit hashes:
// several times cheaper than the double generator's 64-bit multiplies, divisions and square roots.

typedef float f32x16 __attribute__((vector_size(64)));
typedef uint32_t u32x16 __attribute__((vector_size(64)));
typedef int32_t i32x16 __attribute__((vector_size(64)));

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

INLINE u32x16 hash32x16(u32x16 x) {
    LOWBIAS32(x);
    return x;
}

static const uint32_t sqrt_half_single_bits = 0x3F3504F3u;

// ln x as in musl's logf: x = 2^k·m with m in [√½, √2), s = (m − 1)/(m + 1), ln m = 2 atanh s.
INLINE f32x16 log16(f32x16 x) {
    u32x16 shifted = (u32x16)x + (0x3F800000u - sqrt_half_single_bits);
    f32x16 exponent = __builtin_convertvector((i32x16)(shifted >> 23) - 127, f32x16);
    f32x16 mantissa = (f32x16)((shifted & 0x007FFFFFu) + sqrt_half_single_bits);
    f32x16 s = (mantissa - 1) / (mantissa + 1);
    f32x16 s2 = s * s;
    f32x16 series = SPLAT(f32x16, 1.0f / 9);
    series = series * s2 + 1.0f / 7;
    series = series * s2 + 1.0f / 5;
    series = series * s2 + 1.0f / 3;
    series = series * s2 + 1;
    const float ln2_hi = 6.9313812256e-01f, ln2_lo = 9.0580006145e-06f;
    return exponent * ln2_hi + (exponent * ln2_lo + 2 * s * series);
}

// (cos 2πt, sin 2πt) for t = r·2⁻²⁴: the quarter turn from the integer, exactly; Taylor series on
// [−π/4, π/4) in float; the quadrant swaps and negates on the bits.
INLINE void cos_sin_turns16(u32x16 r, f32x16 *cosine_out, f32x16 *sine_out) {
    u32x16 shifted = r + (1u << 21);
    u32x16 quadrant = (shifted >> 22) & 3;
    f32x16 offset = __builtin_convertvector((i32x16)(shifted & ((1u << 22) - 1)) - (1 << 21), f32x16);
    f32x16 theta = offset * 0x1.921FB6p-22f;  // 2π·2⁻²⁴, rounded to float
    f32x16 t2 = theta * theta;
    f32x16 sine = SPLAT(f32x16, 1.0f / 362880);
    sine = sine * t2 - 1.0f / 5040;
    sine = sine * t2 + 1.0f / 120;
    sine = sine * t2 - 1.0f / 6;
    sine = (sine * t2 + 1) * theta;
    f32x16 cosine = SPLAT(f32x16, 1.0f / 40320);
    cosine = cosine * t2 - 1.0f / 720;
    cosine = cosine * t2 + 1.0f / 24;
    cosine = cosine * t2 - 0.5f;
    cosine = cosine * t2 + 1;
    u32x16 cos_bits = (u32x16)cosine, sin_bits = (u32x16)sine;
    u32x16 swap = 0 - (quadrant & 1);
    *cosine_out = (f32x16)(((cos_bits & ~swap) | (sin_bits & swap)) ^ ((((quadrant + 1) >> 1) & 1) << 31));
    *sine_out = (f32x16)(((sin_bits & ~swap) | (cos_bits & swap)) ^ (((quadrant >> 1) & 1) << 31));
}

// The two 32-bit words of row `row` that every pair of the row mixes in, one per uniform.
static inline void row_words(uint64_t key, int64_t row, uint32_t *first, uint32_t *second) {
    uint64_t r = (uint64_t)row;
    *first = hash32(hash32((uint32_t)r ^ (uint32_t)key) ^ (uint32_t)(r >> 32) ^ (uint32_t)(key >> 32));
    *second = hash32(*first ^ 0x68E31DA4u);
}

// The 32 normals of one row at dims 32·block ..< 32·block + 32, interleaved even/odd.
INLINE void single_block(uint32_t row1, uint32_t row2, u32x16 pair1, u32x16 pair2, f32x16 scale, f32x16 *low, f32x16 *high) {
    u32x16 h1 = hash32x16(pair1 ^ row1);
    u32x16 h2 = hash32x16(pair2 ^ row2);
    // u₁ = (⌊h₁/2⁸⌋ + 1)·2⁻²⁴ in (0, 1], exact in float.
    f32x16 u1 = __builtin_convertvector((i32x16)((h1 >> 8) + 1), f32x16) * 0x1p-24f;
    f32x16 radius = __builtin_elementwise_sqrt(-2 * log16(u1));
    f32x16 cosine, sine;
    cos_sin_turns16(h2 >> 8, &cosine, &sine);
    f32x16 even = radius * cosine * scale, odd = radius * sine * scale;
    *low = __builtin_shufflevector(even, odd, 0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23);
    *high = __builtin_shufflevector(even, odd, 8, 24, 9, 25, 10, 26, 11, 27, 12, 28, 13, 29, 14, 30, 15, 31);
}

INLINE void fill_single_body(
    uint64_t key, int64_t first_row, int64_t row_count, int64_t columns, float scale, float *target) {
    const u32x16 lane = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
    f32x16 scales = SPLAT(f32x16, scale);
    for (int64_t block = 0; block * 32 < columns; block++) {
        // The pair words depend on the pair index alone, so they are hashed once per block.
        u32x16 pairs = lane + (uint32_t)(16 * block);
        u32x16 pair1 = hash32x16(pairs ^ 0x1B873593u), pair2 = hash32x16(pairs ^ 0xCC9E2D51u);
        int64_t count = columns - 32 * block < 32 ? columns - 32 * block : 32;
        for (int64_t row = 0; row < row_count; row++) {
            uint32_t row1, row2;
            row_words(key, first_row + row, &row1, &row2);
            f32x16 low, high;
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

float attn_gaussian_log_single(float x) { return log16(SPLAT(f32x16, x))[0]; }

void attn_gaussian_cos_sin_turns_single(uint32_t r, float *cosine, float *sine) {
    f32x16 c, s;
    cos_sin_turns16(SPLAT(u32x16, r), &c, &s);
    *cosine = c[0];
    *sine = s[0];
}
