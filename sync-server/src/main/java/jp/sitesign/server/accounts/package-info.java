/**
 * The stored companies and users, as repositories every feature reads (login, user and company management,
 * certificates, contracts, the sync feed). They sit below those features, so that the features do not
 * reach into each other's packages for them (issue 17).
 */
package jp.sitesign.server.accounts;
