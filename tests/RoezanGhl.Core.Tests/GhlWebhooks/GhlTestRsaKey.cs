using System.Security.Cryptography;
using System.Text;

namespace RoezanGhl.Core.Tests.GhlWebhooks;

/// <summary>An RSA key pair made for one test, signing the way HighLevel signs the legacy X-WH-Signature.</summary>
internal sealed class GhlTestRsaKey : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);

    public string PublicKeyPem => _rsa.ExportSubjectPublicKeyInfoPem();

    public string Sign(byte[] body) => Convert.ToBase64String(_rsa.SignData(body, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    public string Sign(string body) => Sign(Encoding.UTF8.GetBytes(body));

    public void Dispose() => _rsa.Dispose();
}
