// libFuzzer target: every input is read as a JSON session, a Procfile and a .env file. Besides
// crashes and sanitizer findings, it checks the round trips the rest of ProcDeck relies on:
// - a session that parses is written (canonical form) and parses back to the same session, and
//   writing that again gives the same bytes;
// - while unchanged, a session is written as the bytes it was read from;
// - a Procfile that parses is exported and imports back to the same names and commands.

#include "environmenttext.h"
#include "sessionfile.h"

#include <QByteArray>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

void check(bool condition, const char *what, const QByteArray &input)
{
    if (condition)
        return;
    std::fprintf(stderr, "invariant broken: %s\ninput: %s\n", what, input.toHex().constData());
    std::abort();
}

void fuzzJson(const QByteArray &input)
{
    const SessionFile::LoadResult first = SessionFile::parseJson(input, QStringLiteral("f.json"));
    check(first.ok() || !first.error.isEmpty(), "an error without a message", input);
    if (!first.ok())
        return;
    check(SessionFile::toJson(*first.session) == input, "unchanged session not written as read", input);

    Session session = *first.session;
    session.source.clear();
    const QByteArray written = SessionFile::toJson(session);
    const SessionFile::LoadResult second = SessionFile::parseJson(written, QStringLiteral("f.json"));
    check(second.ok(), "canonical output does not parse", written);
    check(second.session->processes == session.processes, "entries changed in a round trip", input);
    check(second.session->unknownKeys == session.unknownKeys, "unknown keys changed in a round trip", input);
    Session again = *second.session;
    again.source.clear();
    check(SessionFile::toJson(again) == written, "canonical form not stable", input);
}

void fuzzProcfile(const QByteArray &input)
{
    const SessionFile::LoadResult first = SessionFile::parseProcfile(input, QStringLiteral("Procfile"));
    if (!first.ok()) {
        check(!first.error.isEmpty(), "a Procfile error without a message", input);
        return;
    }
    const QByteArray exported = SessionFile::toProcfile(*first.session);
    const SessionFile::LoadResult second = SessionFile::parseProcfile(exported, QStringLiteral("Procfile"));
    check(second.ok(), "exported Procfile does not parse", exported);
    check(second.session->processes.size() == first.session->processes.size(), "Procfile entries lost", input);
    for (qsizetype i = 0; i < first.session->processes.size(); ++i) {
        check(second.session->processes.at(i).name == first.session->processes.at(i).name, "Procfile name changed", input);
        check(second.session->processes.at(i).shell == first.session->processes.at(i).shell, "Procfile command changed", input);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 64 * 1024)
        return 0;
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    SessionFile::detectFormat(input);
    fuzzJson(input);
    fuzzProcfile(input);
    const EnvironmentText::DotEnvResult env = EnvironmentText::parseDotEnv(input, QStringLiteral(".env"));
    check(env.ok() || !env.error.isEmpty(), "a .env error without a message", input);
    return 0;
}
