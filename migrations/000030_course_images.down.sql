DROP TABLE course_image_sizes;
DROP TABLE course_images;
