package org.deepae.cli;
public class Main { public static void main(String[] a) {} }
