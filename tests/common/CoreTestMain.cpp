#include <QCoreApplication>
#include <gtest/gtest.h>

// Arch and model tests need an event loop (queued signals, QFuture continuations)
// but no GUI.
int main(int argc, char **argv)
{
    testing::InitGoogleTest(&argc, argv);
    QCoreApplication app(argc, argv);
    return RUN_ALL_TESTS();
}
