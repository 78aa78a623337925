package jp.sitesign.model.user;

/**
 * Another company's user as a shared contract names them (ADR 43, {@code policy.PartnerNames}): id, company,
 * name and title (役職, may be null) — how a contract's parties are written on paper, nothing else.
 */
public record PersonName(String id, String companyId, String name, String title) {

    public static PersonName of(User u) {
        return new PersonName(u.id().value(), u.companyId().value(), u.profile().name(), u.profile().title());
    }
}
