/**
 * The port to the population register (人口信息查询系统) that identities are verified against
 * (R-P11), its local adapter with a synthetic population, and the resident ID number
 * every module validates with.
 */
package org.ruxue.app.population;
