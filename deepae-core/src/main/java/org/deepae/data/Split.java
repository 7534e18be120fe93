package org.deepae.data;

/** Which half of a dataset to read. */
public enum Split {
    /** The training images. */
    TRAIN,
    /** The test images; the default, since commands run on data the model has not seen. */
    TEST;

    /** The images of this split in {@code dataset}. */
    public Rows of(Dataset dataset) {
        return this == TRAIN ? dataset.train() : dataset.test();
    }
}
