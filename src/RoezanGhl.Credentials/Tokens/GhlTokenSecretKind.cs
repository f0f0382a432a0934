namespace RoezanGhl.Credentials.Tokens;

public enum GhlTokenSecretKind
{
    Missing,
    PrivateIntegration,
    OAuth,
    Unreadable,
}
