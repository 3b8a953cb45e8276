package org.ruxue.app.zoning;

/** One of Beijing's 16 districts (区), by its 6-digit statistical code. */
public record District(String code, String name) {

}
