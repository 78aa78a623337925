/**
 * The embedded certification authority of the default installation (DESIGN §2): the DEMO CA that issues
 * signing certificates on the operator's word ({@link jp.sitesign.server.ca.CertificateIssuer}), its
 * time-stamping authority, its OCSP/CRL responder and the trust settings that point the signing engine at
 * them. It is part of the product, not of the demo data: production code (the certificate operator, the
 * HTTP application) uses it, while {@code demo} only seeds data on top. Its certificates say DEMO in their
 * subject, because they are for trying SiteSign and never for real contracts.
 */
package jp.sitesign.server.ca;
