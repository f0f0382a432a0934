using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math.EC.Rfc8032;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace RoezanGhl.GhlSimulator.Webhooks;

/// <summary>
/// An Ed25519 key pair made in the test process, signing the way HighLevel signs <c>X-GHL-Signature</c> (the base64
/// signature of the raw body bytes). <see cref="Shared"/> is the one key the app test host configures
/// (<c>GhlWebhook:PublicKeys:0</c>) and the simulator signs with, so that its webhooks pass the real door.
/// </summary>
public sealed class GhlWebhookSigningKey
{
    private readonly Ed25519PrivateKeyParameters _privateKey = new(new SecureRandom());

    /// <summary>The test run's key (made once per process; never a real one).</summary>
    public static GhlWebhookSigningKey Shared { get; } = new();

    /// <summary>The public key as PEM (<c>-----BEGIN PUBLIC KEY-----</c>), what the app's setting takes.</summary>
    public string PublicKeyPem =>
        PemEncoding.WriteString("PUBLIC KEY", SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(_privateKey.GeneratePublicKey()).GetEncoded());

    public string Sign(ReadOnlySpan<byte> body)
    {
        var bytes = body.ToArray();
        var signature = new byte[Ed25519.SignatureSize];
        _privateKey.Sign(Ed25519.Algorithm.Ed25519, null, bytes, 0, bytes.Length, signature, 0);
        return Convert.ToBase64String(signature);
    }

    public string Sign(string body) => Sign(Encoding.UTF8.GetBytes(body));
}
