#include "kube/credentials.h"

#include "kube/logging_p.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QPointer>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslKey>
#include <QStandardPaths>
#include <QTimeZone>
#include <algorithm>
#include <memory>

namespace labdeck::kube {

namespace {

constexpr qsizetype kMaxStdout = 1024 * 1024; // an ExecCredential is a few KiB
constexpr qsizetype kMaxStderr = 16 * 1024;
constexpr qint64 kMaxTokenFileSize = 1024 * 1024;
constexpr qint64 kExpiryMarginMs = 10000;

// RFC 3339 as Go's time.RFC3339 / RFC3339Nano print it. Qt's ISO parser would
// take a time without an offset as local time, which RFC 3339 does not allow.
QDateTime parseRfc3339(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})[Tt](\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d+))?(?:("
                       "[Zz])|([+-])(\\d{2}):(\\d{2}))$"));
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return {};
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    const int ms =
        m.captured(7).isEmpty() ? 0 : (m.captured(7) + QStringLiteral("00")).left(3).toInt();
    const QTime time(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt(), ms);
    if (!date.isValid() || !time.isValid())
        return {};
    int offset = 0;
    if (m.captured(8).isEmpty()) {
        offset = (m.captured(10).toInt() * 60 + m.captured(11).toInt()) * 60;
        if (m.captured(9) == QLatin1String("-"))
            offset = -offset;
    }
    return QDateTime(date, time, QTimeZone(offset)).toUTC();
}

QString formatSeconds(std::chrono::milliseconds t)
{
    return QString::number(double(t.count()) / 1000.0, 'g', 3);
}

} // namespace

// --- Credential ------------------------------------------------------------

bool Credential::isEmpty() const
{
    const bool pair = !clientCertificatePem.isEmpty() && !clientKeyPem.isEmpty();
    return bearerToken.isEmpty() && !pair && username.isEmpty();
}

bool Credential::isExpired(const QDateTime &now) const
{
    return expiry.isValid() && now >= expiry;
}

bool Credential::isValid() const
{
    return !isEmpty() && !isExpired();
}

QByteArray Credential::authorizationHeader() const
{
    if (!bearerToken.isEmpty())
        return "Bearer " + bearerToken.toUtf8();
    if (!username.isEmpty())
        return "Basic " + (username + QLatin1Char(':') + password).toUtf8().toBase64();
    return {};
}

// --- CredentialProvider ----------------------------------------------------

CredentialProvider::CredentialProvider(ResolvedContext context, ExecApprovalStore *store,
                                       QObject *parent)
    : QObject(parent)
    , m_context(std::move(context))
    , m_store(store)
{
    m_timeoutTimer.setSingleShot(true);
    connect(&m_timeoutTimer, &QTimer::timeout, this, &CredentialProvider::pluginTimedOut);
}

CredentialProvider::~CredentialProvider()
{
    if (m_process) {
        // Not waited for (that would block): the process object deletes itself
        // once the killed plugin is gone.
        QProcess *p = m_process;
        m_process = nullptr;
        disconnect(p, nullptr, this, nullptr);
        p->setParent(nullptr);
        connect(p, &QProcess::finished, p, &QObject::deleteLater);
        p->kill();
    }
}

void CredentialProvider::setApprovalHook(ApprovalHook hook)
{
    m_hook = std::move(hook);
}

void CredentialProvider::setExecTimeout(std::chrono::milliseconds timeout)
{
    m_timeout = timeout;
}

QString CredentialProvider::where(const QString &field, const QString &message) const
{
    return QStringLiteral("%1: users[%2].user.%3: %4")
        .arg(m_context.user.sourceFile, m_context.user.name, field, message);
}

void CredentialProvider::readyLater(const Credential &credential)
{
    QMetaObject::invokeMethod(
        this, [this, credential] { Q_EMIT ready(credential); }, Qt::QueuedConnection);
}

void CredentialProvider::failLater(const QString &error)
{
    QMetaObject::invokeMethod(
        this, [this, error] { Q_EMIT failed(error); }, Qt::QueuedConnection);
}

void CredentialProvider::request()
{
    if (m_context.user.exec)
        requestExec();
    else
        requestStatic();
}

void CredentialProvider::invalidate()
{
    qCDebug(lcKube).noquote() << "credential of" << m_context.context.name << "invalidated";
    m_cached = Credential{};
    m_hasCached = false;
    m_fileTokenStale = true;
}

// --- Static credentials ----------------------------------------------------

void CredentialProvider::requestStatic()
{
    const UserInfo &u = m_context.user;
    Credential c;
    c.clientCertificatePem = u.clientCertificatePem;
    c.clientKeyPem = u.clientKeyPem;
    c.username = u.username;
    c.password = u.password;
    c.bearerToken = u.token;

    if (!u.tokenFile.isEmpty()) {
        if (m_fileTokenStale || m_fileToken.isEmpty()) {
            QString why;
            QFile file(u.tokenFile);
            QString token;
            const QFileInfo info(u.tokenFile);
            if (info.exists() && !info.isFile())
                why = tr("it is not a regular file");
            else if (!file.open(QIODevice::ReadOnly))
                why = file.errorString();
            else if (file.size() > kMaxTokenFileSize)
                why = tr("the file is larger than a token can be");
            else if ((token = QString::fromUtf8(file.read(kMaxTokenFileSize)).trimmed()).isEmpty())
                why = tr("the file is empty");

            if (why.isEmpty()) {
                m_fileToken = token;
                m_fileTokenStale = false;
            } else if (!m_fileToken.isEmpty()) {
                // client-go keeps the last good value when a re-read fails.
                qCWarning(lcKube).noquote()
                    << QStringLiteral("cannot re-read %1 (%2); using the last token read")
                           .arg(u.tokenFile, why);
            } else if (u.token.isEmpty()) {
                failLater(where(QStringLiteral("tokenFile"),
                                tr("cannot read \"%1\": %2; create it or fix the path in the "
                                   "kubeconfig")
                                    .arg(u.tokenFile, why)));
                return;
            } else {
                qCWarning(lcKube).noquote()
                    << QStringLiteral("cannot read %1 (%2); using the token in the kubeconfig")
                           .arg(u.tokenFile, why);
            }
        }
        if (!m_fileToken.isEmpty())
            c.bearerToken = m_fileToken;
    }
    m_cached = c;
    m_hasCached = true;
    readyLater(c);
}

// --- Exec plugins ----------------------------------------------------------

bool CredentialProvider::cacheIsFresh() const
{
    if (!m_hasCached)
        return false;
    if (!m_cached.expiry.isValid())
        return true;
    // Counted as expired 10 s early, so a request does not race the expiry; a
    // short-lived credential gets a quarter of its lifetime as the margin instead,
    // or it would be stale on arrival and the plugin would run for every request.
    const qint64 lifetime = m_cachedAt.msecsTo(m_cached.expiry);
    const qint64 margin = std::clamp(lifetime / 4, qint64(0), kExpiryMarginMs);
    return QDateTime::currentDateTimeUtc().msecsTo(m_cached.expiry) > margin;
}

QJsonObject CredentialProvider::execInfo() const
{
    const ExecConfig &e = *m_context.user.exec;
    QJsonObject spec{{QStringLiteral("interactive"), false}};
    if (e.provideClusterInfo) {
        const ClusterInfo &c = m_context.cluster;
        QJsonObject cluster{{QStringLiteral("server"), c.server.toString()}};
        if (!c.tlsServerName.isEmpty())
            cluster.insert(QStringLiteral("tls-server-name"), c.tlsServerName);
        if (c.insecureSkipTlsVerify)
            cluster.insert(QStringLiteral("insecure-skip-tls-verify"), true);
        if (!c.certificateAuthorityPem.isEmpty())
            cluster.insert(QStringLiteral("certificate-authority-data"),
                           QString::fromLatin1(c.certificateAuthorityPem.toBase64()));
        if (!c.proxyUrl.isEmpty())
            cluster.insert(QStringLiteral("proxy-url"), c.proxyUrl);
        if (c.disableCompression)
            cluster.insert(QStringLiteral("disable-compression"), true);
        if (!c.execExtension.isUndefined() && !c.execExtension.isNull())
            cluster.insert(QStringLiteral("config"), c.execExtension);
        spec.insert(QStringLiteral("cluster"), cluster);
    }
    return QJsonObject{{QStringLiteral("apiVersion"), e.apiVersion},
                       {QStringLiteral("kind"), QStringLiteral("ExecCredential")},
                       {QStringLiteral("spec"), spec}};
}

void CredentialProvider::requestExec()
{
    if (cacheIsFresh()) {
        readyLater(m_cached);
        return;
    }
    if (isBusy())
        return; // the running plugin (or the pending question) answers this request too

    const ExecConfig &e = *m_context.user.exec;
    if (e.interactiveMode == QLatin1String("Always")) {
        failLater(
            where(QStringLiteral("exec.interactiveMode"),
                  tr("exec plugin \"%1\" needs a terminal (interactiveMode: Always), which "
                     "Labdeck cannot give it. Log in once in a terminal (e.g. kubectl get ns) "
                     "so the plugin caches a credential, then set interactiveMode to "
                     "IfAvailable")
                      .arg(e.command)));
        return;
    }
    if (m_approvedThisSession) {
        startPlugin();
        return;
    }
    const QString commandLine = e.commandLine();
    if (m_store) {
        if (const std::optional<bool> stored = m_store->decision(e.sourceFile, commandLine)) {
            if (*stored) {
                m_approvedThisSession = true;
                startPlugin();
            } else {
                failLater(where(QStringLiteral("exec"),
                                tr("running exec plugin \"%1\" is not allowed: you denied it and "
                                   "Labdeck remembered that in %2; forget the answer in Settings "
                                   "(Ctrl+,) to be asked again")
                                    .arg(e.command, m_store->path())));
            }
            return;
        }
    }
    if (!m_hook) {
        failLater(where(QStringLiteral("exec"),
                        tr("exec plugin \"%1\" needs your approval first: Labdeck runs a program "
                           "named in a kubeconfig only after you allow it. Connect to this context "
                           "from the Labdeck window and allow it (tick \"remember\" so that it is "
                           "allowed here as well)")
                            .arg(e.command)));
        return;
    }

    m_approvalPending = true;
    const quint64 round = ++m_approvalRound;
    ExecApprovalRequest req;
    req.kubeconfigFile = e.sourceFile;
    req.commandLine = commandLine;
    req.installHint = e.installHint;
    req.context = m_context.context.name;
    req.user = m_context.user.name;
    req.command = e.command;
    req.program = resolveProgram(e.command);
    req.arguments = e.args;
    req.environment = e.env;
    QPointer<CredentialProvider> self(this);
    auto answered = std::make_shared<bool>(false);
    qCDebug(lcKube).noquote() << "asking to approve the exec plugin of" << req.user;
    m_hook(req, [self, round, answered](bool allowed, bool remember) {
        if (*answered || !self || self->m_approvalRound != round || !self->m_approvalPending)
            return; // answered twice, or the provider is gone
        *answered = true;
        self->answerApproval(allowed, remember);
    });
}

void CredentialProvider::answerApproval(bool allowed, bool remember)
{
    m_approvalPending = false;
    const ExecConfig &e = *m_context.user.exec;
    ExecApprovalRequest answered;
    answered.kubeconfigFile = e.sourceFile;
    answered.commandLine = e.commandLine();
    answered.context = m_context.context.name;
    answered.user = m_context.user.name;
    answered.command = e.command;
    if (remember && m_store && !m_store->remember(answered, allowed))
        qCWarning(lcKube).noquote() << "the answer was not saved:" << m_store->lastError();
    if (!allowed) {
        failLater(where(QStringLiteral("exec"),
                        tr("running exec plugin \"%1\" was not allowed; connect again to be asked "
                           "again")
                            .arg(e.command)));
        return;
    }
    m_approvedThisSession = true;
    startPlugin();
}

QString CredentialProvider::resolveProgram(const QString &command)
{
    if (command.isEmpty())
        return {};
    if (command.contains(QLatin1Char('/'))) {
        const QFileInfo info(command);
        return info.isFile() && info.isExecutable() ? info.absoluteFilePath() : QString();
    }
    return QStandardPaths::findExecutable(command);
}

void CredentialProvider::startPlugin()
{
    const ExecConfig &e = *m_context.user.exec;
    auto *p = new QProcess(this);
    m_process = p;
    m_stdout.clear();
    m_stderr.clear();
    m_outputTooLarge = false;

    // Labdeck's environment, then the kubeconfig's env (it wins), then the exec info.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const auto &[name, value] : e.env)
        env.insert(name, value);
    env.insert(QStringLiteral("KUBERNETES_EXEC_INFO"),
               QString::fromUtf8(QJsonDocument(execInfo()).toJson(QJsonDocument::Compact)));
    p->setProcessEnvironment(env);
    p->setStandardInputFile(QProcess::nullDevice()); // never interactive
    const QString program = resolveProgram(e.command);
    p->setProgram(program.isEmpty() ? e.command : program); // not found: QProcess says so
    p->setArguments(e.args); // a list, straight to execve(): no shell ever parses it

    connect(p, &QProcess::readyReadStandardOutput, this, [this, p] {
        m_stdout += p->readAllStandardOutput();
        if (m_stdout.size() > kMaxStdout && !m_outputTooLarge) {
            m_outputTooLarge = true;
            p->kill();
        }
    });
    connect(p, &QProcess::readyReadStandardError, this, [this, p] {
        const QByteArray chunk = p->readAllStandardError();
        if (m_stderr.size() < kMaxStderr)
            m_stderr += chunk.left(kMaxStderr - m_stderr.size());
    });
    connect(p, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            pluginFailedToStart();
    });
    connect(p, &QProcess::finished, this, &CredentialProvider::pluginFinished);

    qCInfo(lcKube).noquote() << "running the exec plugin" << e.command << "of user"
                             << m_context.user.name << "for context" << m_context.context.name;
    m_timeoutTimer.start(m_timeout);
    p->start();
}

void CredentialProvider::discardProcess()
{
    m_timeoutTimer.stop();
    if (!m_process)
        return;
    disconnect(m_process, nullptr, this, nullptr);
    m_process->deleteLater();
    m_process = nullptr;
}

QString CredentialProvider::stderrSummary() const
{
    // Shown to the user (it is usually the reason); only its first line goes to the
    // debug log, since plugins sometimes print more than they should.
    const QString text = QString::fromUtf8(m_stderr).trimmed();
    if (text.isEmpty())
        return {};
    qCDebug(lcKube).noquote() << "exec plugin stderr, first line:"
                              << text.section(QLatin1Char('\n'), 0, 0).left(200);
    QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (lines.size() > 5)
        lines = lines.mid(lines.size() - 5);
    QString summary = lines.join(QStringLiteral(" / "));
    if (summary.size() > 600)
        summary = QStringLiteral("…") + summary.right(600);
    return summary;
}

void CredentialProvider::pluginFailedToStart()
{
    if (!m_process)
        return;
    const ExecConfig &e = *m_context.user.exec;
    const QString reason = m_process->errorString();
    discardProcess();
    const QString advice = !e.installHint.isEmpty()
                               ? e.installHint.trimmed()
                               : tr("Install it, or give its full path in the kubeconfig");
    // Queued: QProcess reports this from inside start(), which may run inside request().
    failLater(where(
        QStringLiteral("exec.command"),
        tr("exec plugin \"%1\" could not be started (%2). %3").arg(e.command, reason, advice)));
}

void CredentialProvider::pluginTimedOut()
{
    if (!m_process)
        return;
    const ExecConfig &e = *m_context.user.exec;
    QProcess *p = m_process;
    m_process = nullptr;
    disconnect(p, nullptr, this, nullptr);
    p->setParent(nullptr); // dies on its own; never waited for
    connect(p, &QProcess::finished, p, &QObject::deleteLater);
    p->kill();
    qCInfo(lcKube).noquote() << "exec plugin" << e.command << "killed after"
                             << formatSeconds(m_timeout) << "s";
    Q_EMIT failed(where(QStringLiteral("exec"),
                        tr("exec plugin \"%1\" did not answer within %2 s; it was stopped. If it "
                           "waits for a login in a browser or a terminal, log in once outside "
                           "Labdeck and try again")
                            .arg(e.command, formatSeconds(m_timeout))));
}

void CredentialProvider::pluginFinished(int exitCode, QProcess::ExitStatus status)
{
    if (!m_process)
        return;
    m_stdout += m_process->readAllStandardOutput();
    const QByteArray err = m_process->readAllStandardError();
    if (m_stderr.size() < kMaxStderr)
        m_stderr += err.left(kMaxStderr - m_stderr.size());
    discardProcess();

    const ExecConfig &e = *m_context.user.exec;
    const auto fail = [&](const QString &message) {
        m_stdout.clear();
        m_stderr.clear();
        Q_EMIT failed(where(QStringLiteral("exec"), message));
    };
    if (m_outputTooLarge)
        return fail(tr("exec plugin \"%1\" printed more than %2 bytes, which is no credential; it "
                       "was stopped")
                        .arg(e.command)
                        .arg(kMaxStdout));
    const QString stderrText = stderrSummary();
    if (status == QProcess::CrashExit)
        return fail(stderrText.isEmpty()
                        ? tr("exec plugin \"%1\" crashed").arg(e.command)
                        : tr("exec plugin \"%1\" crashed: %2").arg(e.command, stderrText));
    if (exitCode != 0)
        return fail(stderrText.isEmpty()
                        ? tr("exec plugin \"%1\" failed with exit code %2; run it in a terminal to "
                             "see why")
                              .arg(e.command)
                              .arg(exitCode)
                        : tr("exec plugin \"%1\" failed with exit code %2: %3")
                              .arg(e.command)
                              .arg(exitCode)
                              .arg(stderrText));

    QString why;
    const std::optional<Credential> credential = parseExecCredential(m_stdout, e.apiVersion, &why);
    m_stdout.clear();
    m_stderr.clear();
    if (!credential)
        return fail(tr("exec plugin \"%1\" %2").arg(e.command, why));

    m_cached = *credential;
    m_hasCached = true;
    m_cachedAt = QDateTime::currentDateTimeUtc();
    qCDebug(lcKube).noquote()
        << "exec credential for" << m_context.user.name << "received;"
        << (m_cached.expiry.isValid()
                ? QStringLiteral("expires %1").arg(m_cached.expiry.toString(Qt::ISODate))
                : QStringLiteral("no expiry"));
    Q_EMIT ready(m_cached);
}

std::optional<Credential> CredentialProvider::parseExecCredential(const QByteArray &json,
                                                                  const QString &apiVersion,
                                                                  QString *why)
{
    const auto fail = [why](const QString &message) -> std::optional<Credential> {
        if (why)
            *why = message;
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(tr("printed something that is not JSON (%1 at byte %2); it must print an "
                       "ExecCredential")
                        .arg(parseError.errorString())
                        .arg(parseError.offset));
    if (!doc.isObject())
        return fail(tr("printed JSON that is not an ExecCredential object"));
    const QJsonObject o = doc.object();
    const QString gotVersion = o.value(QLatin1String("apiVersion")).toString();
    if (gotVersion.isEmpty())
        return fail(tr("printed an object without apiVersion; expected \"%1\"").arg(apiVersion));
    if (gotVersion != apiVersion)
        return fail(tr("answered with apiVersion \"%1\", but the kubeconfig asks for \"%2\"; make "
                       "exec.apiVersion match the plugin")
                        .arg(gotVersion, apiVersion));
    const QString kind = o.value(QLatin1String("kind")).toString();
    if (kind != QLatin1String("ExecCredential"))
        return fail(tr("printed kind \"%1\" instead of ExecCredential").arg(kind));
    const QJsonValue statusValue = o.value(QLatin1String("status"));
    if (!statusValue.isObject())
        return fail(tr("printed an ExecCredential without status"));
    const QJsonObject status = statusValue.toObject();

    Credential c;
    const auto field = [&](const char *name, QString *out) {
        const QJsonValue v = status.value(QLatin1String(name));
        if (v.isUndefined() || v.isNull())
            return true;
        if (!v.isString())
            return false;
        *out = v.toString();
        return true;
    };
    QString cert;
    QString key;
    QString expiry;
    if (!field("token", &c.bearerToken))
        return fail(tr("printed a status.token that is not text"));
    if (!field("clientCertificateData", &cert) || !field("clientKeyData", &key))
        return fail(tr("printed status.clientCertificateData or clientKeyData that is not text"));
    if (!field("expirationTimestamp", &expiry))
        return fail(tr("printed a status.expirationTimestamp that is not text"));
    if (cert.isEmpty() != key.isEmpty())
        return fail(cert.isEmpty()
                        ? tr("printed status.clientKeyData without clientCertificateData")
                        : tr("printed status.clientCertificateData without clientKeyData"));
    if (c.bearerToken.isEmpty() && cert.isEmpty())
        return fail(tr("printed an ExecCredential with neither status.token nor "
                       "status.clientCertificateData and clientKeyData"));
    if (!cert.isEmpty()) {
        c.clientCertificatePem = cert.toUtf8();
        c.clientKeyPem = key.toUtf8();
        if (QSslCertificate::fromData(c.clientCertificatePem, QSsl::Pem).isEmpty())
            return fail(tr("printed a status.clientCertificateData that is not a PEM certificate"));
        if (privateKeyFromPem(c.clientKeyPem).isNull())
            return fail(tr("printed a status.clientKeyData that is not a PEM RSA or EC key"));
    }
    if (!expiry.isEmpty()) {
        c.expiry = parseRfc3339(expiry);
        if (!c.expiry.isValid())
            return fail(tr("printed status.expirationTimestamp \"%1\", which is not an RFC 3339 "
                           "time like 2026-08-22T15:04:05Z")
                            .arg(expiry));
    }
    return c;
}

} // namespace labdeck::kube
