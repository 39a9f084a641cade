#pragma once

// The vector scans of output bytes, in one place. Private to the output code of the core: only its
// .cpp files include this header, so no public header pulls in the intrinsics.
//
// A byte is "special" when it is not printable ASCII: a C0 control (tab and newline included),
// DEL, or a byte >= 0x80. Adding 0x60 maps printable ASCII (0x20-0x7E) to 0x80-0xDE, the signed
// bytes -128..-34, and every other byte above -34: one addition and one signed compare per vector.

#include <QtGlobal>

#ifdef __SSE2__
#include <emmintrin.h>
#endif
#if defined(__GNUC__) && defined(__x86_64__)
#include <immintrin.h>
#define PROCDECK_BYTESCAN_AVX2 1
#endif

namespace ByteScan {

inline bool isSpecial(char byte)
{
    const uchar c = uchar(byte);
    return c < 0x20 || c >= 0x7F;
}

// Bit i set: byte i of the 16 at `p` is special (16 bytes must be readable).
inline quint32 specialMask16(const char *p)
{
#ifdef __SSE2__
    const __m128i shift = _mm_set1_epi8(0x60);
    const __m128i limit = _mm_set1_epi8(-34);
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
    return quint16(_mm_movemask_epi8(_mm_cmpgt_epi8(_mm_add_epi8(v, shift), limit)));
#else
    quint32 mask = 0;
    for (int i = 0; i < 16; ++i)
        mask |= quint32(isSpecial(p[i])) << i;
    return mask;
#endif
}

// Bit i set: byte i of the 16 at `p` is a `\n` (16 bytes must be readable).
inline quint32 newlineMask16(const char *p)
{
#ifdef __SSE2__
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
    return quint16(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))));
#else
    quint32 mask = 0;
    for (int i = 0; i < 16; ++i)
        mask |= quint32(p[i] == '\n') << i;
    return mask;
#endif
}

// Bit i set: byte i of the first min(size, 64) at `p` is special.
inline quint64 specialMask(const char *p, qsizetype size)
{
    quint64 mask = 0;
    if (size >= 64) {
        for (int i = 0; i < 64; i += 16)
            mask |= quint64(specialMask16(p + i)) << i;
        return mask;
    }
    for (qsizetype i = 0; i < size; ++i) {
        if (isSpecial(p[i]))
            mask |= quint64(1) << i;
    }
    return mask;
}

#ifdef PROCDECK_BYTESCAN_AVX2
// specialMask with two 32-byte vectors; only where the CPU has AVX2 (__builtin_cpu_supports).
[[gnu::target("avx2")]] inline quint64 specialMaskAvx2(const char *p, qsizetype size)
{
    if (size < 64)
        return specialMask(p, size);
    const __m256i shift = _mm256_set1_epi8(0x60);
    const __m256i limit = _mm256_set1_epi8(-34);
    const __m256i low = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(p));
    const __m256i high = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(p + 32));
    const quint32 lowMask = quint32(_mm256_movemask_epi8(_mm256_cmpgt_epi8(_mm256_add_epi8(low, shift), limit)));
    const quint32 highMask = quint32(_mm256_movemask_epi8(_mm256_cmpgt_epi8(_mm256_add_epi8(high, shift), limit)));
    return quint64(highMask) << 32 | lowMask;
}
#endif

// Bit i set: byte i of the 64 at `p` is a `\n` (64 bytes must be readable).
inline quint64 newlineMask(const char *p)
{
    quint64 mask = 0;
    for (int i = 0; i < 64; i += 16)
        mask |= quint64(newlineMask16(p + i)) << i;
    return mask;
}

// The first special byte in [p, end); `end` if there is none.
inline const char *findSpecial(const char *p, const char *end)
{
    for (; end - p >= 16; p += 16) {
        if (const quint32 mask = specialMask16(p))
            return p + __builtin_ctz(mask);
    }
    for (; p < end; ++p) {
        if (isSpecial(*p))
            return p;
    }
    return p;
}

// Where the line after the k-th `\n` from `p` starts (`end` if there are fewer).
inline const char *skipLines(const char *p, const char *end, qint64 k)
{
    if (k <= 0)
        return p;
    for (; end - p >= 64; p += 64) {
        quint64 mask = newlineMask(p);
        const int found = __builtin_popcountll(mask);
        if (found >= k) {
            for (; k > 1; --k)
                mask &= mask - 1;
            return p + __builtin_ctzll(mask) + 1;
        }
        k -= found;
    }
    for (; p < end; ++p) {
        if (*p == '\n' && --k == 0)
            return p + 1;
    }
    return end;
}

} // namespace ByteScan
