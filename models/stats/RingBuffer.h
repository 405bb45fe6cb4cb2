#pragma once

#include <QList>

namespace crossvirt::models {

/// A fixed-capacity history: pushing onto a full buffer drops the oldest value, so
/// a series never grows past what the chart window shows. Storage grows lazily up
/// to the capacity. Index 0 is the oldest value.
template<typename T> class RingBuffer
{
public:
    explicit RingBuffer(qsizetype capacity = 1) : m_capacity(qMax<qsizetype>(1, capacity)) {}

    qsizetype capacity() const { return m_capacity; }
    qsizetype size() const { return m_data.size(); }
    bool isEmpty() const { return m_data.isEmpty(); }

    void push(const T &value)
    {
        if (m_data.size() < m_capacity) {
            m_data.append(value);
            return;
        }
        m_data[m_head] = value;
        m_head = (m_head + 1) % m_capacity;
    }

    /// The i-th value, oldest first.
    const T &at(qsizetype i) const { return m_data.at((m_head + i) % m_data.size()); }
    const T &last() const { return at(size() - 1); }

    void clear()
    {
        m_data.clear();
        m_head = 0;
    }

    /// Changes the capacity, keeping the newest values that fit.
    void setCapacity(qsizetype capacity)
    {
        capacity = qMax<qsizetype>(1, capacity);
        QList<T> kept;
        const qsizetype keep = qMin(size(), capacity);
        kept.reserve(keep);
        for (qsizetype i = size() - keep; i < size(); ++i)
            kept.append(at(i));
        m_data = std::move(kept);
        m_head = 0;
        m_capacity = capacity;
    }

    QList<T> toList() const
    {
        QList<T> out;
        out.reserve(size());
        for (qsizetype i = 0; i < size(); ++i)
            out.append(at(i));
        return out;
    }

private:
    QList<T> m_data;
    qsizetype m_head = 0; // index of the oldest value once full
    qsizetype m_capacity;
};

} // namespace crossvirt::models
