namespace RoezanGhl.Engine.Notifications;

/// <summary>Tells people about an event that needs them. Never blocks and never throws: processing goes on regardless.</summary>
public interface IFailureNotifier
{
    void Notify(FailureNotice notice);
}
