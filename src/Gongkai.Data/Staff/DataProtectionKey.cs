namespace Gongkai.Data.Staff;

/// <summary>
/// An ASP.NET Core data-protection key, kept in the database so that several stateless web nodes
/// share them and sign-in cookies survive restarts.
/// </summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }
    public required string FriendlyName { get; set; }
    public required string Xml { get; set; }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> e)
    {
        e.ToTable("data_protection_keys");
    }
}
