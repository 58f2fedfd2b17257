#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace labdeck::ollama {

// An installed model (GET /api/tags).
struct OllamaModel
{
    QString name;          // "llama3.2:latest"
    qint64 sizeBytes = 0;  // on disk
    QString family;        // details.family
    QString parameterSize; // "7.6B"
    QString quantization;  // "Q4_K_M"
    QDateTime modifiedAt;  // UTC
    QString digest;
};

// A model loaded in memory (GET /api/ps).
struct LoadedModel
{
    QString name;
    qint64 sizeBytes = 0;     // in memory (weights and cache)
    qint64 sizeVramBytes = 0; // of that, in GPU memory
    QDateTime expiresAt;      // UTC; when it unloads
    QString family;
    QString parameterSize;
    QString quantization;
    int contextLength = 0; // 0 when the server is older than 0.10

    // "100% GPU", "100% CPU", "19%/81% CPU/GPU", as `ollama ps` prints it.
    [[nodiscard]] QString processorText() const;
    // "in 4 min", "stopping…", "forever" relative to now.
    [[nodiscard]] QString untilText(const QDateTime &now) const;
};

class OllamaParser
{
    Q_DECLARE_TR_FUNCTIONS(OllamaParser)
public:
    // Each returns nullopt and sets error ("Ollama /api/tags: …") on
    // malformed input or an {"error": …} body.
    [[nodiscard]] static std::optional<QString> parseVersion(const QByteArray &body,
                                                             QString *error);
    [[nodiscard]] static std::optional<QList<OllamaModel>> parseTags(const QByteArray &body,
                                                                     QString *error);
    [[nodiscard]] static std::optional<QList<LoadedModel>> parsePs(const QByteArray &body,
                                                                   QString *error);
};

} // namespace labdeck::ollama
