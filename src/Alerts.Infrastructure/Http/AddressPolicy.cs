using System.Net;
using System.Net.Sockets;

namespace Alerts.Infrastructure.Http;

/// <summary>What kind of network an IP address belongs to, as far as outbound requests are concerned.</summary>
public enum AddressRange
{
    /// <summary>Globally routable: allowed.</summary>
    Public,

    /// <summary>0.0.0.0/8, ::.</summary>
    Unspecified,

    /// <summary>127.0.0.0/8, ::1.</summary>
    Loopback,

    /// <summary>10/8, 172.16/12, 192.168/16, fc00::/7 (ULA, which also holds fd00:ec2::254).</summary>
    Private,

    /// <summary>169.254/16 (including the 169.254.169.254 metadata service), fe80::/10.</summary>
    LinkLocal,

    /// <summary>100.64/10 shared address space, also home of 100.100.100.200 (a cloud metadata service).</summary>
    CarrierGradeNat,

    /// <summary>224/4, ff00::/8.</summary>
    Multicast,

    /// <summary>Documentation, benchmarking, protocol-assignment, site-local, discard and reserved ranges.</summary>
    Reserved,
}

/// <summary>Classifies IP addresses so that outbound connections only reach the public internet.</summary>
public static class AddressPolicy
{
    /// <summary>Classifies an address; IPv4-mapped, IPv4-compatible, NAT64 and 6to4 IPv6 forms are judged by the IPv4 address they carry.</summary>
    public static AddressRange Classify(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return ClassifyV4(address.GetAddressBytes());
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return AddressRange.Reserved;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return ClassifyV4(address.MapToIPv4().GetAddressBytes());
        }

        return ClassifyV6(address.GetAddressBytes());
    }

    /// <summary>
    /// True when the address may be connected to under the given setting. Allowing private networks (local
    /// development) opens loopback and private ranges only: link-local (where cloud metadata services answer),
    /// shared, multicast and reserved addresses stay closed unless listed one by one in AllowedNetworks.
    /// </summary>
    public static bool IsAllowed(IPAddress address, bool allowPrivateNetworks) =>
        Classify(address) switch
        {
            AddressRange.Public => true,
            AddressRange.Loopback or AddressRange.Private => allowPrivateNetworks,
            _ => false,
        };

    private static AddressRange ClassifyV4(byte[] b) => (b[0], b[1], b[2]) switch
    {
        (0, _, _) => AddressRange.Unspecified,
        (10, _, _) => AddressRange.Private,
        (100, >= 64 and <= 127, _) => AddressRange.CarrierGradeNat,
        (127, _, _) => AddressRange.Loopback,
        (169, 254, _) => AddressRange.LinkLocal,
        (172, >= 16 and <= 31, _) => AddressRange.Private,
        (192, 0, 0) => AddressRange.Reserved,        // IETF protocol assignments
        (192, 0, 2) => AddressRange.Reserved,        // TEST-NET-1
        (192, 88, 99) => AddressRange.Reserved,      // deprecated 6to4 relay anycast
        (192, 168, _) => AddressRange.Private,
        (198, 18 or 19, _) => AddressRange.Reserved, // benchmarking
        (198, 51, 100) => AddressRange.Reserved,     // TEST-NET-2
        (203, 0, 113) => AddressRange.Reserved,      // TEST-NET-3
        ( >= 224 and <= 239, _, _) => AddressRange.Multicast,
        ( >= 240, _, _) => AddressRange.Reserved,    // includes 255.255.255.255
        _ => AddressRange.Public,
    };

    private static AddressRange ClassifyV6(byte[] b)
    {
        if (b.AsSpan(0, 15).IndexOfAnyExcept((byte)0) < 0)
        {
            return b[15] switch
            {
                0 => AddressRange.Unspecified,
                1 => AddressRange.Loopback,
                _ => AddressRange.Reserved,
            };
        }

        // ::a.b.c.d (deprecated IPv4-compatible): some stacks still route it to the IPv4 address.
        if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0)
        {
            return ClassifyV4(b[12..16]);
        }

        // 64:ff9b::/96 and 64:ff9b:1::/48 (NAT64) reach the embedded IPv4 address through a translator.
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b)
        {
            return ClassifyV4(b[12..16]);
        }

        // 2002::/16 (6to4) embeds an IPv4 address in bytes 2..5.
        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return ClassifyV4(b[2..6]);
        }

        if (b[0] == 0xff)
        {
            return AddressRange.Multicast;
        }

        if ((b[0] & 0xfe) == 0xfc)
        {
            return AddressRange.Private;
        }

        if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80)
        {
            return AddressRange.LinkLocal;
        }

        if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0)
        {
            return AddressRange.Reserved; // deprecated site-local fec0::/10
        }

        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8)
        {
            return AddressRange.Reserved; // documentation 2001:db8::/32
        }

        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x00 && b[3] == 0x00)
        {
            return AddressRange.Reserved; // Teredo: the IPv4 side is obfuscated, so refuse rather than guess
        }

        if (b[0] == 0x01 && b[1] == 0x00 && b.AsSpan(2, 6).IndexOfAnyExcept((byte)0) < 0)
        {
            return AddressRange.Reserved; // discard-only 100::/64
        }

        // Only 2000::/3 is allocated as global unicast.
        return (b[0] & 0xe0) == 0x20 ? AddressRange.Public : AddressRange.Reserved;
    }
}
