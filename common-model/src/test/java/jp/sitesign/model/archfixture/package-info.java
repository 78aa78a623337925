/**
 * Deliberately bad (and good) classes that only {@link jp.sitesign.model.ArchitectureRulesBiteTest} scans: they
 * show that each rule of {@link jp.sitesign.model.ArchitectureTest} fails when broken, so a rule that has
 * silently stopped matching anything cannot pass unnoticed. Production rules never see them (tests are
 * excluded from their import).
 */
package jp.sitesign.model.archfixture;
