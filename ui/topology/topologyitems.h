#pragma once

#include "common/health.h"

#include <QCoreApplication>
#include <QGraphicsItem>
#include <QMap>
#include <QPainterPath>
#include <QPair>
#include <QPen>
#include <QStringList>
#include <optional>

namespace labdeck {

// Items of the topology scene. Selectable items carry the HostModel id (or
// "url:<url>") in data(kIdKey); the scene maps the scene selection to the
// LabSelection through it.

inline constexpr int kIdKey = 0;

// A site frame: "OCI VCN 10.0.0.0/16", "Home". Its outline may be an L or
// T shape (the union of its rows), so other items can sit in the free corner.
class GroupItem final : public QGraphicsItem
{
public:
    GroupItem(const QString &title, const QList<QRectF> &rows);
    [[nodiscard]] QString title() const { return m_title; }
    QRectF boundingRect() const override { return m_path.boundingRect().adjusted(-2, -2, 2, 2); }
    QPainterPath shape() const override { return m_path; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QString m_title;
    QPainterPath m_path;
};

// Anything with a status light and an id: host cards, rows, URL lines.
class StatusItem : public QGraphicsItem
{
public:
    explicit StatusItem(const QString &id, QGraphicsItem *parent = nullptr);
    [[nodiscard]] QString id() const;
    [[nodiscard]] Health health() const { return m_health; }
    void setHealth(Health health);
    // A short tag saying how the live state differs from the inventory
    // ("missing", "on bracky"); empty when as planned.
    [[nodiscard]] QString note() const { return m_note; }
    void setNote(const QString &note);

protected:
    // Draws the light: a filled circle with a glyph, so colour is never the
    // only signal.
    void paintLight(QPainter *painter, const QPointF &centre, qreal radius) const;
    void paintSelection(QPainter *painter, const QRectF &rect, qreal radius) const;

private:
    Health m_health = Health::Unknown;
    QString m_note;
};

// One line inside a host card: a workload, compose service, host service or
// system component.
class RowItem final : public StatusItem
{
public:
    RowItem(const QString &id, const QString &title, const QString &detail, const QString &tag,
            qreal width, QGraphicsItem *parent);
    static constexpr qreal kHeight = 22;
    [[nodiscard]] QString title() const { return m_title; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QString m_title;
    QString m_detail;
    QString m_tag;
    qreal m_width;
};

// A host: name, role, size, status light and its rows.
class HostCardItem final : public StatusItem
{
public:
    HostCardItem(const QString &id, const QString &name, const QString &role, const QString &size);
    static constexpr qreal kWidth = 300;
    // Current CPU and memory drawn as two small bars in the header, with
    // where they come from; firing alerts and a down target as a badge.
    struct Meters
    {
        std::optional<double> cpuPercent;
        std::optional<double> memoryPercent;
        QString source;  // "Prometheus", "metrics-server"
        QString tooltip; // values, age, alerts in words
        bool stale = false;
        bool fallback = false; // from metrics-server, Prometheus unreachable
        int firingAlerts = 0;
        bool targetDown = false;
    };
    void setMeters(const Meters &meters);
    // The card's note is the host model's (cordoned, missing...) followed by
    // notes other sources add under their own key ("remote": Tailscale and
    // GPU, "checks": check badges), so no source overwrites another.
    // A note in amber says something needs a look.
    void setBaseNote(const QString &note);
    // The host model's tooltip; the meters' tooltip follows it.
    void setBaseToolTip(const QString &text);
    void setExtraNote(const QString &source, const QString &text, bool warning = false);
    [[nodiscard]] const Meters &meters() const { return m_meters; }
    static constexpr qreal kHeaderHeight = 64;
    RowItem *addRow(const QString &id, const QString &title, const QString &detail,
                    const QString &tag);
    [[nodiscard]] QString name() const { return m_name; }
    [[nodiscard]] const QList<RowItem *> &rows() const { return m_rows; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    void paintMeters(QPainter *painter, const QPalette &pal) const;

    QString m_name;
    QString m_role;
    QString m_size;
    QList<RowItem *> m_rows;
    Meters m_meters;
    QString m_baseNote;
    QString m_baseToolTip;
    QMap<QString, QPair<QString, bool>> m_extraNotes; // source -> (text, warning)
    bool m_noteWarning = false;
    void composeNote();
};

// The Internet, with the public URLs that reach the lab through the ingress.
class InternetItem final : public QGraphicsItem
{
public:
    InternetItem(const QString &title, qreal width);
    StatusItem *addUrl(const QString &id, const QString &url, const QString &target);
    [[nodiscard]] const QList<StatusItem *> &urls() const { return m_urls; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QString m_title;
    qreal m_width;
    QList<StatusItem *> m_urls;
};

enum class LinkKind { Ingress, NodePort, Tailscale, Nfs };

// The pen a kind of link is drawn with (colour and dash pattern).
[[nodiscard]] QPen linkPen(LinkKind kind);

// Explains the link styles.
class LegendItem final : public QGraphicsItem
{
public:
    LegendItem(const QList<QPair<LinkKind, QString>> &entries);
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QList<QPair<LinkKind, QString>> m_entries;
};

// A connection between two items, drawn as a path with a label. One link can
// stand for several logical connections (all NodePorts from pochama to
// metamon); targets lists them (workload ids, volume paths, URLs).
class LinkItem final : public QGraphicsPathItem
{
public:
    LinkItem(LinkKind kind, QGraphicsItem *from, QGraphicsItem *to, const QString &label,
             const QStringList &targets, qreal bend);
    [[nodiscard]] LinkKind kind() const { return m_kind; }
    [[nodiscard]] QGraphicsItem *from() const { return m_from; }
    [[nodiscard]] QGraphicsItem *to() const { return m_to; }
    [[nodiscard]] QString label() const { return m_label; }
    [[nodiscard]] const QStringList &targets() const { return m_targets; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
    QRectF boundingRect() const override;

private:
    void route();
    LinkKind m_kind;
    QGraphicsItem *m_from;
    QGraphicsItem *m_to;
    QString m_label;
    QStringList m_targets;
    qreal m_bend;
    QPointF m_labelPos;
};

} // namespace labdeck
