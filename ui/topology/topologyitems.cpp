#include "topology/topologyitems.h"

#include "healthcolor.h"

#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QPainter>
#include <QPalette>
#include <QStyleOptionGraphicsItem>
#include <QtMath>

namespace labdeck {

namespace {

QPalette paletteOf(const QGraphicsItem *item)
{
    return item->scene() ? item->scene()->palette() : QPalette();
}

QFont fontOf(const QGraphicsItem *item)
{
    return item->scene() ? item->scene()->font() : QFont();
}

QColor muted(const QPalette &p)
{
    QColor c = p.color(QPalette::Text);
    c.setAlphaF(0.62f);
    return c;
}

QColor linkColor(LinkKind kind)
{
    switch (kind) {
    case LinkKind::Ingress:
        return QColor(0x25, 0x63, 0xeb);
    case LinkKind::NodePort:
        return QColor(0x08, 0x91, 0xb2);
    case LinkKind::Tailscale:
        return QColor(0x7c, 0x3a, 0xed);
    case LinkKind::Nfs:
        return QColor(0xb4, 0x53, 0x09);
    }
    return Qt::gray;
}

} // namespace

// --- GroupItem ---------------------------------------------------------------

GroupItem::GroupItem(const QString &title, const QList<QRectF> &rows)
    : m_title(title)
{
    for (const QRectF &r : rows) {
        QPainterPath p;
        p.addRoundedRect(r, 14, 14);
        m_path = m_path.united(p);
    }
    m_path = m_path.simplified();
    setZValue(-2);
}

void GroupItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const QPalette pal = paletteOf(this);
    QColor fill = pal.color(QPalette::AlternateBase);
    fill.setAlphaF(0.55f);
    QPen pen(pal.color(QPalette::Mid), 1.5, Qt::DashLine);
    painter->setPen(pen);
    painter->setBrush(fill);
    painter->drawPath(m_path);
    QFont f = fontOf(this);
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.15);
    painter->setFont(f);
    painter->setPen(pal.color(QPalette::Text));
    painter->drawText(m_path.boundingRect().adjusted(16, 8, -16, 0), Qt::AlignLeft | Qt::AlignTop,
                      m_title);
}

// --- StatusItem --------------------------------------------------------------

StatusItem::StatusItem(const QString &id, QGraphicsItem *parent)
    : QGraphicsItem(parent)
{
    setData(kIdKey, id);
    setFlags(ItemIsSelectable | ItemIsFocusable);
    setAcceptHoverEvents(true);
}

QString StatusItem::id() const
{
    return data(kIdKey).toString();
}

void StatusItem::setHealth(Health health)
{
    if (m_health == health)
        return;
    m_health = health;
    update();
}

void StatusItem::setNote(const QString &note)
{
    if (m_note == note)
        return;
    m_note = note;
    update();
}

void StatusItem::paintLight(QPainter *painter, const QPointF &centre, qreal radius) const
{
    painter->save();
    painter->setPen(Qt::NoPen);
    painter->setBrush(healthColor(m_health));
    painter->drawEllipse(centre, radius, radius);
    QFont f = fontOf(this);
    f.setBold(true);
    f.setPixelSize(qMax(7, int(radius * 1.5)));
    painter->setFont(f);
    painter->setPen(Qt::white);
    painter->drawText(QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius),
                      Qt::AlignCenter, HealthText::glyph(m_health));
    painter->restore();
}

void StatusItem::paintSelection(QPainter *painter, const QRectF &rect, qreal radius) const
{
    if (!isSelected())
        return;
    const QPalette pal = paletteOf(this);
    QColor fill = pal.color(QPalette::Highlight);
    fill.setAlphaF(0.22f);
    painter->save();
    painter->setBrush(fill);
    painter->setPen(QPen(pal.color(QPalette::Highlight), 1.5));
    painter->drawRoundedRect(rect, radius, radius);
    painter->restore();
}

// --- RowItem -----------------------------------------------------------------

RowItem::RowItem(const QString &id, const QString &title, const QString &detail, const QString &tag,
                 qreal width, QGraphicsItem *parent)
    : StatusItem(id, parent)
    , m_title(title)
    , m_detail(detail)
    , m_tag(tag)
    , m_width(width)
{}

QRectF RowItem::boundingRect() const
{
    return QRectF(0, 0, m_width, kHeight);
}

void RowItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const QPalette pal = paletteOf(this);
    const QRectF r = boundingRect();
    paintSelection(painter, r.adjusted(0.5, 0.5, -0.5, -0.5), 5);
    paintLight(painter, QPointF(11, r.center().y()), 5.5);

    const QFont font = fontOf(this);
    QFont small = font;
    small.setPointSizeF(font.pointSizeF() * 0.86);
    const QFontMetricsF fm(font);
    const QFontMetricsF sfm(small);

    qreal right = r.right() - 6;
    // A difference from the inventory outranks the storage tag.
    const bool noted = !note().isEmpty();
    const QString tag = noted ? note() : m_tag;
    if (!tag.isEmpty()) {
        const QColor colour = noted ? healthColor(Health::Warning) : linkColor(LinkKind::Nfs);
        const qreal w = qMin(sfm.horizontalAdvance(tag) + 8, r.width() * 0.45);
        const QRectF tagRect(right - w, r.center().y() - 8, w, 16);
        painter->setPen(QPen(colour, noted ? 1.5 : 1));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(tagRect, 3, 3);
        painter->setFont(small);
        painter->setPen(colour);
        painter->drawText(tagRect, Qt::AlignCenter, sfm.elidedText(tag, Qt::ElideRight, w - 6));
        right = tagRect.left() - 6;
    }
    const qreal titleLeft = 24;
    // The title wins: the detail gets what is left, elided in the middle.
    const qreal titleWidth = qMin(fm.horizontalAdvance(m_title) + 2, (right - titleLeft) * 0.72);
    if (!m_detail.isEmpty()) {
        painter->setFont(small);
        painter->setPen(muted(pal));
        const QRectF dr(titleLeft + titleWidth + 8, r.top(), right - titleLeft - titleWidth - 8,
                        r.height());
        painter->drawText(dr, Qt::AlignRight | Qt::AlignVCenter,
                          sfm.elidedText(m_detail, Qt::ElideMiddle, dr.width()));
    }
    painter->setFont(font);
    painter->setPen(pal.color(QPalette::Text));
    painter->drawText(QRectF(titleLeft, r.top(), titleWidth, r.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      fm.elidedText(m_title, Qt::ElideRight, titleWidth));
}

// --- HostCardItem ------------------------------------------------------------

HostCardItem::HostCardItem(const QString &id, const QString &name, const QString &role,
                           const QString &size)
    : StatusItem(id)
    , m_name(name)
    , m_role(role)
    , m_size(size)
{
    setZValue(1);
}

RowItem *HostCardItem::addRow(const QString &id, const QString &title, const QString &detail,
                              const QString &tag)
{
    prepareGeometryChange();
    auto *row = new RowItem(id, title, detail, tag, kWidth - 12, this);
    row->setPos(6, kHeaderHeight + m_rows.size() * RowItem::kHeight);
    m_rows << row;
    return row;
}

QRectF HostCardItem::boundingRect() const
{
    return QRectF(0, 0, kWidth, kHeaderHeight + m_rows.size() * RowItem::kHeight + 8);
}

void HostCardItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const QPalette pal = paletteOf(this);
    const QRectF r = boundingRect().adjusted(1, 1, -1, -1);
    painter->setBrush(pal.color(QPalette::Base));
    painter->setPen(isSelected() ? QPen(pal.color(QPalette::Highlight), 2.5)
                                 : QPen(pal.color(QPalette::Mid), 1));
    painter->drawRoundedRect(r, 10, 10);

    paintLight(painter, QPointF(22, 22), 9);
    QFont title = fontOf(this);
    title.setBold(true);
    title.setPointSizeF(title.pointSizeF() * 1.2);
    painter->setFont(title);
    painter->setPen(pal.color(QPalette::Text));
    const bool hasMeters = m_meters.cpuPercent || m_meters.memoryPercent ||
                           m_meters.firingAlerts > 0 || m_meters.targetDown;
    painter->drawText(QRectF(38, 8, kWidth - 48 - (hasMeters ? 124 : 0), 28),
                      Qt::AlignLeft | Qt::AlignVCenter, m_name);
    if (hasMeters)
        paintMeters(painter, pal);

    QFont small = fontOf(this);
    small.setPointSizeF(small.pointSizeF() * 0.9);
    painter->setFont(small);
    painter->setPen(muted(pal));
    const QFontMetricsF fm(small);
    const QString role =
        note().isEmpty() ? m_role : QStringLiteral("%1 \u00b7 %2").arg(m_role, note());
    if (m_noteWarning)
        painter->setPen(healthColor(Health::Warning));
    painter->drawText(QRectF(14, 36, kWidth - 24, 20), Qt::AlignLeft | Qt::AlignVCenter,
                      fm.elidedText(role, Qt::ElideRight, (kWidth - 28) * 0.5));
    painter->setPen(muted(pal));
    painter->drawText(QRectF(14, 36, kWidth - 26, 20), Qt::AlignRight | Qt::AlignVCenter,
                      fm.elidedText(m_size, Qt::ElideLeft, (kWidth - 28) * 0.5));
    if (!m_rows.isEmpty()) {
        painter->setPen(QPen(pal.color(QPalette::Midlight), 1));
        painter->drawLine(QPointF(10, kHeaderHeight - 3), QPointF(kWidth - 10, kHeaderHeight - 3));
    }
}

void HostCardItem::setBaseNote(const QString &note)
{
    m_baseNote = note;
    composeNote();
}

void HostCardItem::setExtraNote(const QString &source, const QString &text, bool warning)
{
    if (text.isEmpty())
        m_extraNotes.remove(source);
    else
        m_extraNotes.insert(source, {text, warning});
    composeNote();
}

void HostCardItem::composeNote()
{
    QStringList parts;
    bool warning = !m_baseNote.isEmpty();
    if (!m_baseNote.isEmpty())
        parts << m_baseNote;
    for (auto it = m_extraNotes.cbegin(); it != m_extraNotes.cend(); ++it) {
        parts << it->first;
        warning = warning || it->second;
    }
    m_noteWarning = warning;
    const QString composed = parts.join(QStringLiteral(" \u00b7 "));
    if (composed != note())
        setNote(composed);
    else
        update();
}

void HostCardItem::setMeters(const Meters &meters)
{
    m_meters = meters;
    setBaseToolTip(m_baseToolTip);
    update();
}

void HostCardItem::setBaseToolTip(const QString &text)
{
    m_baseToolTip = text;
    QStringList parts;
    if (!text.isEmpty())
        parts << text;
    if (!m_meters.tooltip.isEmpty())
        parts << m_meters.tooltip;
    setToolTip(parts.join(QStringLiteral("\n\n")));
}

void HostCardItem::paintMeters(QPainter *painter, const QPalette &pal) const
{
    QFont tiny = fontOf(this);
    tiny.setPointSizeF(tiny.pointSizeF() * 0.75);
    painter->setFont(tiny);
    const qreal left = kWidth - 130;
    const qreal barLeft = left + 30;
    const qreal barWidth = 56;
    const auto bar = [&](qreal y, const QString &label, const std::optional<double> &value) {
        painter->setPen(muted(pal));
        painter->drawText(QRectF(left, y - 1, 28, 11), Qt::AlignLeft | Qt::AlignVCenter, label);
        const QRectF track(barLeft, y, barWidth, 8);
        painter->setPen(Qt::NoPen);
        painter->setBrush(pal.color(QPalette::Midlight));
        painter->drawRoundedRect(track, 2, 2);
        if (!value) {
            painter->setPen(muted(pal));
            painter->drawText(QRectF(barLeft + barWidth + 4, y - 1, 36, 11),
                              Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("?"));
            return;
        }
        const double v = std::clamp(*value, 0.0, 100.0);
        const Health level = m_meters.stale ? Health::Unknown
                             : v >= 90      ? Health::Critical
                             : v >= 75      ? Health::Warning
                                            : Health::Ok;
        painter->setBrush(healthColor(level));
        painter->drawRoundedRect(
            QRectF(track.left(), track.top(), track.width() * v / 100.0, track.height()), 2, 2);
        painter->setPen(m_meters.stale ? muted(pal) : pal.color(QPalette::Text));
        painter->drawText(QRectF(barLeft + barWidth + 4, y - 1, 36, 11),
                          Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("%1%").arg(qRound(v)));
    };
    bar(6, QCoreApplication::translate("labdeck::HostCardItem", "CPU"), m_meters.cpuPercent);
    bar(17, QCoreApplication::translate("labdeck::HostCardItem", "MEM"), m_meters.memoryPercent);
    // The source, when it is the fallback, and the badges below the bars.
    QStringList badges;
    if (m_meters.firingAlerts > 0)
        badges << QCoreApplication::translate("labdeck::HostCardItem", "\u26a0 %n alert(s)",
                                              nullptr, m_meters.firingAlerts);
    if (m_meters.targetDown)
        badges << QCoreApplication::translate("labdeck::HostCardItem", "\u2716 target down");
    if (m_meters.fallback)
        badges << QCoreApplication::translate("labdeck::HostCardItem", "metrics-server");
    if (!badges.isEmpty()) {
        painter->setPen(m_meters.firingAlerts > 0 || m_meters.targetDown
                            ? healthColor(Health::Critical)
                            : muted(pal));
        painter->drawText(QRectF(left, 27, 126, 11), Qt::AlignLeft | Qt::AlignVCenter,
                          badges.join(QStringLiteral(" \u00b7 ")));
    }
}

// --- InternetItem ------------------------------------------------------------

InternetItem::InternetItem(const QString &title, qreal width)
    : m_title(title)
    , m_width(width)
{
    setZValue(1);
}

StatusItem *InternetItem::addUrl(const QString &id, const QString &url, const QString &target)
{
    prepareGeometryChange();
    auto *row = new RowItem(id, url, target, QString(), m_width - 12, this);
    row->setPos(6, 40 + m_urls.size() * RowItem::kHeight);
    m_urls << row;
    return row;
}

QRectF InternetItem::boundingRect() const
{
    return QRectF(0, 0, m_width, 40 + m_urls.size() * RowItem::kHeight + 8);
}

void InternetItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const QPalette pal = paletteOf(this);
    const QRectF r = boundingRect().adjusted(1, 1, -1, -1);
    painter->setBrush(pal.color(QPalette::Base));
    painter->setPen(QPen(linkColor(LinkKind::Ingress), 1.5));
    painter->drawRoundedRect(r, 18, 18);
    QFont f = fontOf(this);
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.15);
    painter->setFont(f);
    painter->setPen(pal.color(QPalette::Text));
    painter->drawText(QRectF(16, 6, m_width - 32, 30), Qt::AlignLeft | Qt::AlignVCenter, m_title);
}

// --- links -------------------------------------------------------------------

QPen linkPen(LinkKind kind)
{
    QPen pen(linkColor(kind), kind == LinkKind::Ingress ? 2.6 : 1.8);
    switch (kind) {
    case LinkKind::Tailscale:
        pen.setStyle(Qt::DashLine);
        break;
    case LinkKind::Nfs:
        pen.setStyle(Qt::DotLine);
        pen.setWidthF(2.2);
        break;
    case LinkKind::Ingress:
    case LinkKind::NodePort:
        break;
    }
    return pen;
}

LegendItem::LegendItem(const QList<QPair<LinkKind, QString>> &entries)
    : m_entries(entries)
{}

QRectF LegendItem::boundingRect() const
{
    const QFontMetricsF fm(fontOf(this));
    qreal w = 16;
    for (const auto &e : m_entries)
        w += 44 + fm.horizontalAdvance(e.second) + 24;
    return QRectF(0, 0, w, 30);
}

void LegendItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const QPalette pal = paletteOf(this);
    const QFontMetricsF fm(fontOf(this));
    painter->setFont(fontOf(this));
    qreal x = 16;
    for (const auto &e : m_entries) {
        painter->setPen(linkPen(e.first));
        painter->drawLine(QPointF(x, 15), QPointF(x + 36, 15));
        x += 44;
        painter->setPen(muted(pal));
        const qreal w = fm.horizontalAdvance(e.second);
        painter->drawText(QRectF(x, 0, w + 2, 30), Qt::AlignLeft | Qt::AlignVCenter, e.second);
        x += w + 24;
    }
}

// --- LinkItem ----------------------------------------------------------------

LinkItem::LinkItem(LinkKind kind, QGraphicsItem *from, QGraphicsItem *to, const QString &label,
                   const QStringList &targets, qreal bend)
    : m_kind(kind)
    , m_from(from)
    , m_to(to)
    , m_label(label)
    , m_targets(targets)
    , m_bend(bend)
{
    setZValue(0);
    setPen(linkPen(kind));
    setToolTip((label.isEmpty() ? QString() : label + QLatin1Char('\n')) +
               targets.join(QLatin1Char('\n')));
    route();
}

void LinkItem::route()
{
    const QRectF a = m_from->sceneBoundingRect();
    const QRectF b = m_to->sceneBoundingRect();
    const QPointF d = b.center() - a.center();
    QPointF p1;
    QPointF p2;
    QPointF dir;
    const bool horizontal =
        qAbs(d.x()) > qAbs(d.y()) * 1.6 || (b.top() < a.bottom() && b.bottom() > a.top());
    if (horizontal) {
        const qreal sx = d.x() > 0 ? 1 : -1;
        p1 = QPointF(sx > 0 ? a.right() : a.left(), a.center().y() + m_bend);
        p2 = QPointF(sx > 0 ? b.left() : b.right(),
                     qBound(b.top() + 16, a.center().y() + m_bend, b.bottom() - 16));
        dir = QPointF(sx, 0);
    } else {
        const qreal sy = d.y() > 0 ? 1 : -1;
        p1 = QPointF(a.center().x() + m_bend, sy > 0 ? a.bottom() : a.top());
        const qreal tx =
            qBound(b.left() + 24, b.center().x() + m_bend - d.x() * 0.15, b.right() - 24);
        p2 = QPointF(tx, sy > 0 ? b.top() : b.bottom());
        dir = QPointF(0, sy);
    }
    const qreal reach = qMax(40.0, QLineF(p1, p2).length() * 0.35);
    QPainterPath path(p1);
    path.cubicTo(p1 + dir * reach, p2 - dir * reach, p2);
    setPath(path);

    qreal at = 0.5;
    if (m_kind == LinkKind::Tailscale)
        at = 0.3;
    else if (m_kind == LinkKind::Nfs)
        at = 0.7;
    m_labelPos = path.pointAtPercent(at);
    prepareGeometryChange();
}

QRectF LinkItem::boundingRect() const
{
    const QFontMetricsF fm(scene() ? scene()->font() : QFont());
    const qreal w = fm.horizontalAdvance(m_label) + 12;
    const QRectF label(m_labelPos.x() - w / 2, m_labelPos.y() - 11, w, 22);
    return QGraphicsPathItem::boundingRect().united(label);
}

void LinkItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    QStyleOptionGraphicsItem opt(*option);
    opt.state &= ~QStyle::State_Selected;
    QGraphicsPathItem::paint(painter, &opt, widget);
    if (m_label.isEmpty())
        return;
    const QPalette pal = paletteOf(this);
    QFont f = fontOf(this);
    f.setPointSizeF(f.pointSizeF() * 0.86);
    const QFontMetricsF fm(f);
    const qreal w = fm.horizontalAdvance(m_label) + 12;
    const QRectF box(m_labelPos.x() - w / 2, m_labelPos.y() - 10, w, 20);
    painter->setBrush(pal.color(QPalette::Base));
    painter->setPen(QPen(pen().color(), 1));
    painter->drawRoundedRect(box, 6, 6);
    painter->setFont(f);
    painter->setPen(pal.color(QPalette::Text));
    painter->drawText(box, Qt::AlignCenter, m_label);
}

} // namespace labdeck
