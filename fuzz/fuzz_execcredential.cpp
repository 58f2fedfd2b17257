// An exec plugin's stdout: a credential or a reason, never the output itself.

#include "fuzzsupport.h"
#include "kube/credentials.h"

using namespace labdeck;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray out = fuzz::bytes(data, size);
    for (const char *version :
         {"client.authentication.k8s.io/v1", "client.authentication.k8s.io/v1beta1"}) {
        QString why;
        const auto credential =
            kube::CredentialProvider::parseExecCredential(out, QLatin1String(version), &why);
        if (credential) {
            fuzz::require(!credential->bearerToken.isEmpty() ||
                              (!credential->clientCertificatePem.isEmpty() &&
                               !credential->clientKeyPem.isEmpty()),
                          "a credential has a token or a certificate and key");
        } else {
            fuzz::require(!why.isEmpty(), "a refused output has a reason");
        }
    }
    return 0;
}
