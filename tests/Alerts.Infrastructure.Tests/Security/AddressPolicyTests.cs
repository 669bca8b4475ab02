using System.Net;
using Alerts.Infrastructure.Http;
using CsCheck;

namespace Alerts.Infrastructure.Tests.Security;

public sealed class AddressPolicyTests
{
    [Theory]
    [InlineData("8.8.8.8", AddressRange.Public)]
    [InlineData("93.184.216.34", AddressRange.Public)]
    [InlineData("1.1.1.1", AddressRange.Public)]
    [InlineData("0.0.0.0", AddressRange.Unspecified)]
    [InlineData("0.1.2.3", AddressRange.Unspecified)]
    [InlineData("127.0.0.1", AddressRange.Loopback)]
    [InlineData("127.255.255.254", AddressRange.Loopback)]
    [InlineData("10.0.0.1", AddressRange.Private)]
    [InlineData("172.16.0.1", AddressRange.Private)]
    [InlineData("172.31.255.255", AddressRange.Private)]
    [InlineData("172.32.0.1", AddressRange.Public)]
    [InlineData("172.15.255.255", AddressRange.Public)]
    [InlineData("192.168.1.1", AddressRange.Private)]
    [InlineData("169.254.169.254", AddressRange.LinkLocal)]
    [InlineData("169.254.0.1", AddressRange.LinkLocal)]
    [InlineData("100.64.0.1", AddressRange.CarrierGradeNat)]
    [InlineData("100.100.100.200", AddressRange.CarrierGradeNat)]
    [InlineData("100.127.255.255", AddressRange.CarrierGradeNat)]
    [InlineData("100.128.0.1", AddressRange.Public)]
    [InlineData("100.63.255.255", AddressRange.Public)]
    [InlineData("224.0.0.251", AddressRange.Multicast)]
    [InlineData("239.255.255.250", AddressRange.Multicast)]
    [InlineData("255.255.255.255", AddressRange.Reserved)]
    [InlineData("240.0.0.1", AddressRange.Reserved)]
    [InlineData("192.0.2.10", AddressRange.Reserved)]
    [InlineData("198.18.0.1", AddressRange.Reserved)]
    [InlineData("2606:4700:4700::1111", AddressRange.Public)]
    [InlineData("2001:4860:4860::8888", AddressRange.Public)]
    [InlineData("::", AddressRange.Unspecified)]
    [InlineData("::1", AddressRange.Loopback)]
    [InlineData("fc00::1", AddressRange.Private)]
    [InlineData("fd00:ec2::254", AddressRange.Private)]
    [InlineData("fe80::1", AddressRange.LinkLocal)]
    [InlineData("febf::1", AddressRange.LinkLocal)]
    [InlineData("fec0::1", AddressRange.Reserved)]
    [InlineData("ff02::1", AddressRange.Multicast)]
    [InlineData("2001:db8::1", AddressRange.Reserved)]
    [InlineData("::ffff:127.0.0.1", AddressRange.Loopback)]
    [InlineData("::ffff:169.254.169.254", AddressRange.LinkLocal)]
    [InlineData("::ffff:10.1.2.3", AddressRange.Private)]
    [InlineData("::ffff:8.8.8.8", AddressRange.Public)]
    [InlineData("::127.0.0.1", AddressRange.Loopback)]
    [InlineData("64:ff9b::a9fe:a9fe", AddressRange.LinkLocal)]
    [InlineData("64:ff9b::808:808", AddressRange.Public)]
    [InlineData("2002:7f00:1::", AddressRange.Loopback)]
    [InlineData("2002:0808:0808::1", AddressRange.Public)]
    [InlineData("2001:0:4136:e378::1", AddressRange.Reserved)]
    [InlineData("100::1", AddressRange.Reserved)]
    [InlineData("4000::1", AddressRange.Reserved)]
    public void Classify_KnownAddress_ExpectedRange(string address, AddressRange expected)
    {
        // Act
        var range = AddressPolicy.Classify(IPAddress.Parse(address));

        // Assert
        Assert.Equal(expected, range);
    }

    [Fact]
    public void Classify_AnyIPv4_MappedIPv6FormClassifiedTheSame()
    {
        // Arrange
        var gen = Gen.UInt;

        // Act + Assert
        gen.Sample(value =>
        {
            var v4 = new IPAddress(BitConverter.GetBytes(value));
            Assert.Equal(AddressPolicy.Classify(v4), AddressPolicy.Classify(v4.MapToIPv6()));
        });
    }

    [Fact]
    public void Classify_AnyIPv4_Nat64FormClassifiedTheSame()
    {
        // Act + Assert
        Gen.UInt.Sample(value =>
        {
            var v4 = BitConverter.GetBytes(value);
            var nat64 = new byte[16];
            nat64[1] = 0x64;
            nat64[2] = 0xff;
            nat64[3] = 0x9b;
            v4.CopyTo(nat64, 12);
            Assert.Equal(AddressPolicy.Classify(new IPAddress(v4)), AddressPolicy.Classify(new IPAddress(nat64)));
        });
    }

    [Theory]
    [InlineData("10.0.0.0", 8, AddressRange.Private)]
    [InlineData("172.16.0.0", 12, AddressRange.Private)]
    [InlineData("192.168.0.0", 16, AddressRange.Private)]
    [InlineData("127.0.0.0", 8, AddressRange.Loopback)]
    [InlineData("169.254.0.0", 16, AddressRange.LinkLocal)]
    [InlineData("100.64.0.0", 10, AddressRange.CarrierGradeNat)]
    [InlineData("224.0.0.0", 4, AddressRange.Multicast)]
    public void Classify_AnyAddressInBlock_BlockRange(string network, int prefix, AddressRange expected)
    {
        // Arrange
        var block = new IPNetwork(IPAddress.Parse(network), prefix);
        var baseValue = ToUInt(block.BaseAddress);
        var size = 1u << (32 - prefix);

        // Act + Assert
        Gen.UInt[0, size - 1].Sample(offset =>
        {
            var address = FromUInt(baseValue + offset);
            Assert.Equal(expected, AddressPolicy.Classify(address));
            Assert.False(AddressPolicy.IsAllowed(address, allowPrivateNetworks: false));
            Assert.Equal(expected is AddressRange.Private or AddressRange.Loopback, AddressPolicy.IsAllowed(address, allowPrivateNetworks: true));
        });
    }

    [Fact]
    public void Classify_AnyIPv6InUniqueLocalOrLinkLocal_NeverPublic()
    {
        // Arrange: fc00::/7 and fe80::/10 with random remaining bits.
        var gen = Gen.Select(Gen.Bool, Gen.Byte.Array[16]);

        // Act + Assert
        gen.Sample((linkLocal, bytes) =>
        {
            if (linkLocal)
            {
                bytes[0] = 0xfe;
                bytes[1] = (byte)(0x80 | (bytes[1] & 0x3f));
            }
            else
            {
                bytes[0] = (byte)(0xfc | (bytes[0] & 0x01));
            }

            var range = AddressPolicy.Classify(new IPAddress(bytes));
            Assert.Equal(linkLocal ? AddressRange.LinkLocal : AddressRange.Private, range);
        });
    }

    private static uint ToUInt(IPAddress address)
    {
        var b = address.GetAddressBytes();
        return ((uint)b[0] << 24) | ((uint)b[1] << 16) | ((uint)b[2] << 8) | b[3];
    }

    private static IPAddress FromUInt(uint value) =>
        new([(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value]);
}
