#pragma once

// OutputLog's private part, shared by outputlog.cpp (the public calls: appending, reading back,
// bounds) and outputlogintake.cpp (how bytes become lines: the plain-line scan, segments, the
// decoder's sink). Only those two files include it.

#include "bytescan.h"
#include "outputdecoder.h"
#include "outputlog.h"
#include "outputlogstore.h"

// The log's intake on top of its store: bytes are scanned for whole plain lines (kept as they
// are), the rest goes through the stream's decoder, whose completed lines come back through
// nextLine() (the log is the decoder's sink).
struct OutputLog::Private final : public OutputLogStore, public OutputLineSink
{
    static int streamIndex(OutputStream stream) { return stream == OutputStream::Stderr ? 1 : 0; }

    quint64 tailRevision = 0;
    int run = 0;
    qint64 runFirstLine = 0;           // currentRunFirstLine()
    qint64 received[3] = {0, 0, 0};
    OutputDecoder decoders[2];
    bool decoding[2] = {false, false}; // the decoder carries state: bytes go through it
    int tailStream = 0;                // of the open last line
    bool cutReported = false;          // a line was cut at MaxLine (logged once per log)
    bool dropReported = false;         // lines were dropped at a bound (logged once per log)

    // While bytes are taken in
    OutputStream sinkStream = OutputStream::Stdout;
    qint64 sinkTime = 0;
    qint64 givenTime = 0;        // appendLine(): the line's own time, instead of now
    int givenRun = 0;            // appendLine(): the line's own run, instead of the current one
    int lineRun() const { return givenRun > 0 ? givenRun : run; }
    quint64 sinkSequence = 0;    // next reserved sequence number
    quint64 sinkSequenceEnd = 0;
    bool sinkCompletesTail = false; // the decoder's next line is the open tail, completed
    OutputLine *filling = nullptr;  // handed out, its cost not yet counted

    void pushSegment(int stream, const char *start, qsizetype bytes, qint64 lines, quint64 sequence);
    quint64 takeSequence();
    // Complete plain lines known from the reader's scan (OutputScan): how many end in the bytes,
    // where the first (null: it starts the bytes and is not too long) and the last end.
    struct PlainHint
    {
        qint64 lines = 0;
        const char *firstNewline = nullptr;
        const char *lastNewline = nullptr;
    };
    void take(int stream, qsizetype bytes, const PlainHint *hint = nullptr);
    void takePlainLines(int stream, const char *p, const char *end, const PlainHint &hint);
    void scanPlain(int stream, const char *p, const char *end);
    template<quint64 (*SpecialMask)(const char *, qsizetype)>
    [[gnu::always_inline]] inline void scanLines(int stream, const char *p, const char *end);
#ifdef PROCDECK_BYTESCAN_AVX2
    [[gnu::target("avx2")]] void scanLinesAvx2(int stream, const char *p, const char *end);
#endif
    void pushPlain(int stream, const char *start, qsizetype length, int terminator, bool continued);
    void pushWholeLine(OutputStream stream, OutputLine &&line);
    // A whole plain line ending at `stop`, cut into MaxLine pieces when longer; returns the next
    // line's start.
    const char *pushPlainCut(int stream, const char *start, const char *stop, int terminator);
    void openPlain(int stream, const char *start, qsizetype length);
    const char *feedDecoder(int stream, const char *p, const char *end);
    template<typename Call>
    void withDecoder(int stream, Call call);
    void closeTail();
    // The end of a run: each decoder that carries state completes its lines.
    void finishDecoders();
    void pushMessage(QStringView text);
    void copyIn(int stream, QByteArrayView bytes);
    void startIntake(int stream, qsizetype bytes);
    void reportCut();
    void reportDrops();

    OutputLine &pushSinkLine();
    OutputLine &nextLine() override;
    void finishFilling();
};
