// The certificate-chain analysis: whatever chain a server sends (PEM or
// DER, any names, dates and issuers), the certs check gives a verdict.

#include "checks/certcheck.h"
#include "fuzzsupport.h"

#include <QSslCertificate>

using namespace labdeck;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    const QDateTime now = QDateTime(QDate(2026, 12, 3), QTime(12, 0), Qt::UTC);
    PublicUrl url;
    url.url = QUrl(QStringLiteral("https://s.example.com/"));
    url.host = QStringLiteral("pochama");
    checks::ProbeRequest request;
    request.host = QStringLiteral("s.example.com");
    const Inventory lab;
    for (const auto format : {QSsl::Pem, QSsl::Der}) {
        checks::ProbeResult probe;
        probe.connected = true;
        probe.encrypted = true;
        probe.chain = QSslCertificate::fromData(input, format);
        const checks::CheckResult verdict =
            checks::CertCheck::judge(url, request, probe, lab, checks::Thresholds(), now);
        fuzz::require(!verdict.summary.isEmpty(), "every verdict says something");
    }
    return 0;
}
