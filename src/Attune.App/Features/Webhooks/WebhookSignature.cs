using System.Security.Cryptography;
using System.Text;

namespace Attune.App.Features.Webhooks;

/// <summary>
/// Signs deliveries: header <c>X-Attune-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, "t.body")&gt;</c>.
/// The timestamp is signed too, so a receiver can refuse replays of old deliveries.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-Attune-Signature";

    public static string Sign(string secret, long unixSeconds, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{unixSeconds}.{body}"));
        return $"t={unixSeconds},v1={Convert.ToHexStringLower(mac)}";
    }

    /// <summary>True when <paramref name="header"/> is a valid signature of <paramref name="body"/> no older than <paramref name="tolerance"/>.</summary>
    public static bool Verify(string secret, string? header, string body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (header is null)
        {
            return false;
        }
        long? t = null;
        string? v1 = null;
        foreach (var part in header.Split(','))
        {
            var kv = part.Split('=', 2);
            if (kv.Length != 2)
            {
                continue;
            }
            if (kv[0] == "t" && long.TryParse(kv[1], out var ts))
            {
                t = ts;
            }
            else if (kv[0] == "v1")
            {
                v1 = kv[1];
            }
        }
        if (t is null || v1 is null || Math.Abs(now.ToUnixTimeSeconds() - t.Value) > tolerance.TotalSeconds)
        {
            return false;
        }
        var expected = Sign(secret, t.Value, body);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes($"t={t.Value},v1={v1}"));
    }
}
