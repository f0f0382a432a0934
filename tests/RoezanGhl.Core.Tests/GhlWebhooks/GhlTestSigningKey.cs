using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math.EC.Rfc8032;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace RoezanGhl.Core.Tests.GhlWebhooks;

/// <summary>An Ed25519 key pair made for one test, signing the way HighLevel signs X-GHL-Signature.</summary>
internal sealed class GhlTestSigningKey
{
    private readonly Ed25519PrivateKeyParameters _privateKey = new(new SecureRandom());

    /// <summary>The public key's SubjectPublicKeyInfo, encoded by BouncyCastle (not by the code under test).</summary>
    public byte[] SubjectPublicKeyInfo =>
        SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(_privateKey.GeneratePublicKey()).GetEncoded();

    public string PublicKeyBase64 => Convert.ToBase64String(SubjectPublicKeyInfo);

    public string PublicKeyPem => PemEncoding.WriteString("PUBLIC KEY", SubjectPublicKeyInfo);

    public string Sign(byte[] body)
    {
        var signature = new byte[Ed25519.SignatureSize];
        _privateKey.Sign(Ed25519.Algorithm.Ed25519, null, body, 0, body.Length, signature, 0);
        return Convert.ToBase64String(signature);
    }

    public string Sign(string body) => Sign(Encoding.UTF8.GetBytes(body));
}
