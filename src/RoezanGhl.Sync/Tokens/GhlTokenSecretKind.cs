namespace RoezanGhl.Sync.Tokens;

internal enum GhlTokenSecretKind
{
    Missing,
    PrivateIntegration,
    OAuth,
    Unreadable,
}
