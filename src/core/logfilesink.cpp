#include "logfilesink.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

LogFileSink::LogFileSink(const QString &path, int keep, Report report)
    : m_path(QFile::encodeName(path))
    , m_keep(keep)
    , m_report(std::move(report))
    , m_thread([this] { run(); })
{
}

LogFileSink::~LogFileSink()
{
    post(Op::Stop);
    m_thread.join();
    if (m_fd >= 0)
        ::close(m_fd);
}

void LogFileSink::write(QByteArray bytes)
{
    if (!bytes.isEmpty())
        post(Op::Write, std::move(bytes));
}

void LogFileSink::rotate()
{
    post(Op::Rotate);
}

void LogFileSink::retry()
{
    post(Op::Retry);
}

void LogFileSink::waitIdle()
{
    std::unique_lock lock(m_mutex);
    m_wake.wait(lock, [this] { return m_queue.empty() && !m_busy; });
}

void LogFileSink::post(Op op, QByteArray bytes)
{
    std::unique_lock lock(m_mutex);
    m_wake.wait(lock, [this] { return m_queuedBytes <= MaxBacklog; });
    m_queuedBytes += bytes.size();
    m_queue.emplace_back(op, std::move(bytes));
    m_wake.notify_all();
}

void LogFileSink::run()
{
    for (;;) {
        std::pair<Op, QByteArray> next;
        {
            std::unique_lock lock(m_mutex);
            m_busy = false;
            m_wake.notify_all();
            m_wake.wait(lock, [this] { return !m_queue.empty(); });
            next = std::move(m_queue.front());
            m_queue.pop_front();
            m_queuedBytes -= next.second.size();
            m_busy = true;
        }
        switch (next.first) {
        case Op::Write:
            doWrite(next.second);
            break;
        case Op::Rotate:
            doRotate();
            break;
        case Op::Retry:
            m_failed = false;
            break;
        case Op::Stop: {
            std::lock_guard lock(m_mutex);
            m_busy = false;
            m_wake.notify_all();
            return;
        }
        }
    }
}

bool LogFileSink::open()
{
    const QFileInfo info(QFile::decodeName(m_path));
    const bool folder = info.dir().exists() || QDir().mkpath(info.absolutePath());
    m_fd = ::open(m_path.constData(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (m_fd < 0) { // the reason is open(2)'s: "Not a directory", "Permission denied", …
        fail(folder ? Failure::Open : Failure::CreateFolder, errno);
        return false;
    }
    return true;
}

void LogFileSink::doWrite(const QByteArray &bytes)
{
    if (m_failed || (m_fd < 0 && !open()))
        return;
    const char *p = bytes.constData();
    qsizetype left = bytes.size();
    while (left > 0) {
        const ssize_t written = ::write(m_fd, p, size_t(left));
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0) {
            fail(Failure::Write, written < 0 ? errno : ENOSPC);
            return;
        }
        p += written;
        left -= written;
    }
}

void LogFileSink::doRotate()
{
    if (m_failed)
        return;
    const auto numbered = [this](int n) -> QByteArray { return m_path + '.' + QByteArray::number(n); };
    if (m_keep > 0) {
        for (int n = m_keep - 1; n >= 1; --n)
            ::rename(numbered(n).constData(), numbered(n + 1).constData()); // missing: fine
        if (::rename(m_path.constData(), numbered(1).constData()) != 0) {
            fail(Failure::Rotate, errno);
            return;
        }
    } else if (::unlink(m_path.constData()) != 0) {
        fail(Failure::Rotate, errno);
        return;
    }
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
    open();
}

void LogFileSink::fail(Failure failure, int error)
{
    m_failed = true;
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    m_report(failure, error);
}
