#pragma once

// The vector scans of output bytes, in one place. Private to the output code of the core: only its
// .cpp files include this header, so no public header pulls in the intrinsics.
//
// A byte is "special" when it is not printable ASCII: a C0 control (tab and newline included),
// DEL, or a byte >= 0x80. Adding 0x60 maps printable ASCII (0x20-0x7E) to 0x80-0xDE, the signed
// bytes -128..-34, and every other byte above -34: one addition and one signed compare per vector.

#include <QtGlobal>

#include <algorithm>
#include <cstring>
#include <string.h>

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

// What a read holds, found while its bytes are hot in the cache (OutputReader, on its I/O thread),
// so that a log can take a flood's lines without reading them again: see OutputScan.
struct PlainLines
{
    bool plain = false;       // every byte printable ASCII, a tab or a `\n`, no `\r`, and no line
                              // between two `\n` longer than `maxLine` (false may also mean "not
                              // sure": a long line; the caller then reads the bytes itself)
    qint64 newlines = 0;
    qsizetype first = -1;     // offset of the first `\n`
    qsizetype last = -1;      // offset of the last `\n`
};

namespace Detail {

// One 64-byte block's masks folded into `result`; false when it holds a byte that is not plain.
// `at` is the block's offset.
inline bool foldPlainBlock(quint64 special, quint64 newlines, quint64 tabs, qsizetype at,
                           qsizetype maxLine, PlainLines *result)
{
    if (special & ~(newlines | tabs))
        return false;
    if (newlines == 0)
        return true;
    const qsizetype first = at + __builtin_ctzll(newlines);
    if (result->last >= 0 && first - result->last > maxLine)
        return false; // a line too long for one piece: the log cuts it
    if (result->first < 0)
        result->first = first;
    result->last = at + 63 - __builtin_clzll(newlines);
    result->newlines += __builtin_popcountll(newlines);
    return true;
}

inline PlainLines plainTail(const char *p, qsizetype at, qsizetype size, qsizetype maxLine, PlainLines result)
{
    quint64 special = 0;
    quint64 newlines = 0;
    quint64 tabs = 0;
    for (qsizetype i = 0; at + i < size; ++i) {
        special |= quint64(isSpecial(p[at + i])) << i;
        newlines |= quint64(p[at + i] == '\n') << i;
        tabs |= quint64(p[at + i] == '\t') << i;
    }
    result.plain = foldPlainBlock(special, newlines, tabs, at, maxLine, &result);
    return result;
}

} // namespace Detail

inline PlainLines scanPlainLines(const char *p, qsizetype size, qsizetype maxLine)
{
    PlainLines result;
    qsizetype at = 0;
    for (; size - at >= 64; at += 64) {
        quint64 newlines = 0;
        quint64 tabs = 0;
        for (int i = 0; i < 64; i += 16) {
            newlines |= quint64(newlineMask16(p + at + i)) << i;
#ifdef __SSE2__
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + at + i));
            tabs |= quint64(quint16(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('\t'))))) << i;
#else
            for (int j = 0; j < 16; ++j)
                tabs |= quint64(p[at + i + j] == '\t') << (i + j);
#endif
        }
        if (!Detail::foldPlainBlock(specialMask(p + at, 64), newlines, tabs, at, maxLine, &result))
            return {};
    }
    return Detail::plainTail(p, at, size, maxLine, result);
}

#ifdef PROCDECK_BYTESCAN_AVX2
// scanPlainLines with 32-byte vectors; only where the CPU has AVX2 (__builtin_cpu_supports). The
// bytes are read once, in pieces of about maxLine / 2: each piece's special bytes other than `\n`
// are or-ed into one vector and its `\n`s counted in byte lanes, with no branch per block; only a
// piece with a special byte is looked at byte by byte (a tab is plain). A line longer than maxLine
// between two `\n` covers a whole piece without one, so such a piece makes the result "not plain"
// (a line of between maxLine / 2 and maxLine then takes the general way too, which is only slower).
// The first and last `\n` come from memchr and memrchr.
[[gnu::target("avx2")]] inline bool scanPieceAvx2(const char *p, qsizetype size, qint64 *newlines)
{
    const __m256i shift = _mm256_set1_epi8(0x60);
    const __m256i limit = _mm256_set1_epi8(-34);
    const __m256i newline = _mm256_set1_epi8('\n');
    const __m256i zero = _mm256_setzero_si256();
    __m256i other = zero;  // special bytes that are not `\n`
    __m256i sums = zero;   // four 64-bit counts of `\n`
    __m256i lanes = zero;  // 32 byte counts of `\n`, at most 255 each
    int inLanes = 0;
    qsizetype at = 0;
    for (; size - at >= 32; at += 32) {
        const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(p + at));
        const __m256i isNewline = _mm256_cmpeq_epi8(v, newline);
        const __m256i special = _mm256_cmpgt_epi8(_mm256_add_epi8(v, shift), limit);
        other = _mm256_or_si256(other, _mm256_andnot_si256(isNewline, special));
        lanes = _mm256_sub_epi8(lanes, isNewline);
        if (++inLanes == 255) {
            sums = _mm256_add_epi64(sums, _mm256_sad_epu8(lanes, zero));
            lanes = zero;
            inLanes = 0;
        }
    }
    sums = _mm256_add_epi64(sums, _mm256_sad_epu8(lanes, zero));
    qint64 count = _mm256_extract_epi64(sums, 0) + _mm256_extract_epi64(sums, 1)
                   + _mm256_extract_epi64(sums, 2) + _mm256_extract_epi64(sums, 3);
    bool exact = !_mm256_testz_si256(other, other);
    for (; at < size; ++at) {
        count += p[at] == '\n';
        exact = exact || (p[at] != '\n' && isSpecial(p[at]));
    }
    if (exact) { // a tab, or a byte that needs the decoder: which one
        for (qsizetype i = 0; i < size; ++i) {
            if (p[i] != '\n' && p[i] != '\t' && isSpecial(p[i]))
                return false;
        }
    }
    *newlines += count;
    return true;
}

[[gnu::target("avx2")]] inline PlainLines scanPlainLinesAvx2(const char *p, qsizetype size, qsizetype maxLine)
{
    const qsizetype piece = std::max<qsizetype>(64, (maxLine / 2) & ~qsizetype(31));
    PlainLines result;
    qsizetype at = 0;
    for (; size - at >= piece; at += piece) {
        const qint64 before = result.newlines;
        if (!scanPieceAvx2(p + at, piece, &result.newlines) || result.newlines == before)
            return {};
    }
    if (at < size && !scanPieceAvx2(p + at, size - at, &result.newlines))
        return {};
    if (result.newlines > 0) {
        result.first = static_cast<const char *>(std::memchr(p, '\n', size_t(size))) - p;
        result.last = static_cast<const char *>(::memrchr(p, '\n', size_t(size))) - p;
    }
    result.plain = true;
    return result;
}
#endif

} // namespace ByteScan
